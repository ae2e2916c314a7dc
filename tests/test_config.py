import pytest

from dyads.config import Settings
from dyads.errors import ConfigError


def test_settings_precedence_file_env_overrides(tmp_path, monkeypatch) -> None:
    toml = tmp_path / "dyads.toml"
    toml.write_text('db = "from-file.duckdb"\nbatch_size = 8\n')
    monkeypatch.setenv("DYADS_BATCH_SIZE", "16")
    settings = Settings.load(toml, model="my_model")
    assert settings.db == "from-file.duckdb"
    assert settings.batch_size == 16
    assert settings.model == "my_model"


def test_settings_unknown_name_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match="available: .*model"):
        Settings().replace(modle="x")


def test_settings_bad_type_is_one_sentence() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        Settings().replace(batch_size="many")


def test_every_setting_has_help() -> None:
    assert all(text.strip() for text in Settings.help().values())
