"""`dyads explain CODE`: what a CAMEO, PLOVER or actor code means."""

from __future__ import annotations

import click


@click.command("explain")
@click.argument("codes", nargs=-1, required=True, metavar="CODE...")
def explain(codes: tuple[str, ...]) -> None:
    """Say what each CODE means: a CAMEO event code (042), a PLOVER type (ASSAULT)
    or an actor code (KSVGOV, IGOWSTNAT)."""
    from dyads.explain import explain as explain_code

    texts = [explain_code(code) for code in codes]  # every code checked before printing
    click.echo("\n\n".join(texts))
