"""Parameters are read (YAML, -p overrides), coerced and validated before any kernel starts."""
from __future__ import annotations

import pytest

from analysis import parameters as P

import fixture_tables


@pytest.fixture(scope="module")
def tables():
    return fixture_tables.build()


def _problems(params, **kw) -> str:
    with pytest.raises(P.ParameterError) as info:
        P.validate(params, **kw)
    return str(info.value)


def test_valid_parameters_pass_and_are_coerced():
    out = P.validate({"themes": "de_an_06", "provinces": ["Long An", "TP. Hồ Chí Minh", "Sê Kong"],
                      "date_from": "2023", "date_to": "2024-03", "lang": "en"})
    assert out["themes"] == ["de_an_06"] and out["date_to"] == "2024-03"


def test_unknown_theme_names_value_and_lists_valid():
    msg = _problems({"themes": ["de_an_06", "ma_tuyy"]})
    assert "unknown theme 'ma_tuyy'" in msg and "did you mean 'ma_tuy'" in msg and "valid themes: de_an_06, nghi_quyet_12" in msg


def test_unknown_province_lists_provinces():
    msg = _problems({"provinces": ["Atlantis"]})
    assert "unknown province 'Atlantis'" in msg and "Long An" in msg and "Thừa Thiên Huế" in msg and "Salavan" in msg


@pytest.mark.parametrize("value", ["12/9/2022", "2022-9-12", "2023-13-01", "2023-02-30", "yesterday"])
def test_malformed_dates(value):
    msg = _problems({"date_from": value})
    assert repr(value) in msg and ("YYYY-MM-DD" in msg or "not a valid date" in msg)


def test_reversed_range():
    msg = _problems({"date_from": "2024-03", "date_to": "2023-12-31"})
    assert "reversed" in msg and "'2024-03'" in msg and "'2023-12-31'" in msg


def test_every_problem_is_listed_at_once():
    err = pytest.raises(P.ParameterError, P.validate, {"themes": ["x"], "lang": "fr", "bogus": 1}).value
    assert len(err.problems) == 3
    assert "unknown parameter 'bogus'" in str(err) and "lang='fr'" in str(err)


def test_unknown_parameter_against_the_notebooks_declared_ones():
    msg = _problems({"focus": "x"}, allowed={"lang", "themes"})
    assert "unknown parameter 'focus'" in msg and "valid parameters: lang, themes" in msg


def test_units_and_focus_are_checked_against_the_corpus(tables):
    assert P.validate({"units": ["công an tp cần thơ"], "focus": "Cần Thơ"}, tables=tables)
    msg = _problems({"units": ["Công an tỉnh Atlantis"]}, tables=tables)
    assert "unknown unit 'Công an tỉnh Atlantis'" in msg and "Bộ Tư lệnh Cảnh vệ" in msg
    assert "focus='nowhere'" in _problems({"focus": "nowhere"}, tables=tables)
    assert P.validate({"focus": "de_an_06"}, tables=tables)


def test_read_params_yaml_then_overrides(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("themes: [de_an_06]\ndate_from: 2022-01-01\nlang: en\nprovinces: Long An\n", encoding="utf-8")
    out = P.read_params(f, [("lang", "vi"), ("themes", "[ma_tuy, canh_ve]"), ("date_to", "2024")])
    assert out == {"themes": ["ma_tuy", "canh_ve"], "date_from": "2022-01-01", "lang": "vi", "provinces": ["Long An"], "date_to": "2024"}
    assert P.validate(out)["date_to"] == "2024"


def test_read_params_bad_files(tmp_path):
    with pytest.raises(P.ParameterError, match="no such file"):
        P.read_params(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(P.ParameterError, match="expected a mapping"):
        P.read_params(tmp_path / "list.yaml")


def test_help_text_matches_notebook_convention():
    lines = P.help_text().splitlines()
    assert 'lang: str = \'vi\'  # language of labels and findings: vi or en' in lines


def test_example_params_file_is_valid():
    from analysis import paths

    params = P.read_params(paths.NOTEBOOKS / "params.example.yaml")
    assert P.validate(params)["focus"] == "Thừa Thiên Huế"
