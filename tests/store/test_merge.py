"""The matching rule that joins mentions of one real-world event."""

from __future__ import annotations

from dyads.store import merge

BRUSSELS = ("Brussels", "BEL", 50.85, 4.35)
LIEGE = ("Liege", "BEL", 50.63, 5.57)
PRISTINA = ("Pristina", "KSV", 42.67, 21.17)


def test_match_key_ignores_order_for_meetings(make_event):
    one = make_event("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05")
    other = make_event("b", "IGOWSTNAT", "KSVGOV", "043", "2023-06-05")
    assert merge.match_key(one) == merge.match_key(other)


def test_match_key_keeps_order_for_one_sided_codes(make_event):
    accuse = make_event("a", "KSVGOV", "SRBGOV", "112", "2023-06-05")
    reverse = make_event("b", "SRBGOV", "KSVGOV", "112", "2023-06-05")
    assert merge.match_key(accuse) != merge.match_key(reverse)


def test_assign_joins_same_day_reports(make_event):
    events = [
        make_event("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05"),
        make_event("b", "IGOWSTNAT", "KSVGOV", "040", "2023-06-05"),
    ]
    first, second = merge.assign(events, [])
    assert first.is_new and not second.is_new
    assert second.event_id == first.event_id
    assert "same day" in second.join_reason


def test_assign_joins_next_day_but_not_two_days_later(make_event):
    events = [
        make_event("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05"),
        make_event("b", "KSVGOV", "IGOWSTNAT", "042", "2023-06-06"),
        make_event("c", "KSVGOV", "IGOWSTNAT", "042", "2023-06-08"),
    ]
    first, second, third = merge.assign(events, [])
    assert second.event_id == first.event_id and "1 day apart" in second.join_reason
    assert third.is_new and third.event_id != first.event_id


def test_assign_keeps_different_actors_apart(make_event):
    events = [
        make_event("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05"),
        make_event("b", "SRBGOV", "IGOWSTNAT", "042", "2023-06-05"),
    ]
    assert all(a.is_new for a in merge.assign(events, []))


def test_assign_keeps_asserted_and_future_apart(make_event):
    events = [
        make_event("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05"),
        make_event("b", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05", modality="future"),
    ]
    assert all(a.is_new for a in merge.assign(events, []))


def test_assign_place_must_be_compatible(make_event):
    def at(document_id, place):  # type: ignore[no-untyped-def]
        return make_event(
            document_id, "KSVGOV", "IGOWSTNAT", "042", "2023-06-05", place=place
        )

    first, near, far, unknown = merge.assign(
        [at("a", BRUSSELS), at("b", BRUSSELS), at("c", PRISTINA), at("d", None)], []
    )
    assert near.event_id == first.event_id and "same country BEL" in near.join_reason
    assert far.is_new
    assert not unknown.is_new
    (liege,) = merge.assign([at("e", LIEGE)], [merge.candidate(at("a", BRUSSELS), 0)])
    assert liege.is_new  # same country, but 85 km apart: another place


def test_assign_undated_mentions_join_only_inside_one_document(make_event):
    events = [
        make_event("a", "KSVGOV", "IGOWSTNAT", "042", None, index=0),
        make_event("a", "KSVGOV", "IGOWSTNAT", "042", None, index=1),
        make_event("b", "KSVGOV", "IGOWSTNAT", "042", None),
    ]
    first, same_doc, other_doc = merge.assign(events, [])
    assert same_doc.event_id == first.event_id
    assert other_doc.is_new


def test_event_id_is_deterministic(make_event):
    events = [make_event("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05")]
    assert merge.assign(events, []) == merge.assign(events, [])


def test_release_key_is_shared_by_language_versions():
    from dyads.model import Document

    en, sq, sr = (f"https://p.example/{lang}/a" for lang in ("en", "sq", "sr"))
    english = Document(en, "text", url=en, translations=(sq, sr))
    serbian = Document(sr, "tekst", url=sr, translations=(en, sq))
    alone = Document("other", "text")
    assert merge.release_key(english) == merge.release_key(serbian)
    assert merge.release_key(alone) == "other"


def test_assign_undated_language_versions_join(make_event):
    events = [
        make_event("en", "KSVGOV", "JPNGOV", "043", None),
        make_event("en-copy", "KSVGOV", "JPNGOV", "043", None),
        make_event("unrelated", "KSVGOV", "JPNGOV", "043", None),
    ]
    releases = {"en": "release:x", "en-copy": "release:x"}
    first, version, unrelated = merge.assign(events, [], releases)
    assert version.event_id == first.event_id
    assert "language version" in version.join_reason
    assert unrelated.is_new
