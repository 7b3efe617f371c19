"""The SOURCE syntax shared by the CLI and scripts."""
import pytest

from discourse import load_source
from discourse.errors import InputError, ResourceError
from discourse.corpus.sources import parse_ungdc_spec


@pytest.mark.parametrize("spec, expected", [
    ("ungdc", (None, None)),
    ("ungdc:SYR", (["SYR"], None)),
    ("ungdc:syria,Russian Federation:2000-2024", (["SYR", "RUS"], (2000, 2024))),
    ("ungdc:*:2024", (None, (2024, 2024))),
    ("ungdc::1990-1999", (None, (1990, 1999))),
])
def test_parse(spec, expected):
    assert parse_ungdc_spec(spec) == expected


def test_parse_errors():
    with pytest.raises(ResourceError, match="'XYZ'"):
        parse_ungdc_spec("ungdc:XYZ")
    with pytest.raises(InputError, match="runs backwards"):
        parse_ungdc_spec("ungdc:SYR:2024-2000")
    with pytest.raises(InputError, match="not a UN corpus source"):
        parse_ungdc_spec("ungdc:a:b:c")


def test_named_and_path_sources(tmp_path, ungdc):
    assert load_source("article").ids == ["mem-2025-10-syria-balanced-diplomacy"]
    assert len(load_source("lee")) == 300 and len(load_source("lee:all")) == 350
    assert load_source("ungdc:SYR:2024").ids == ["SYR_79_2024"]
    (tmp_path / "x.md").write_text("One text.", encoding="utf-8")
    assert load_source(tmp_path / "x.md").ids == ["x"]
    assert load_source(str(tmp_path)).ids == ["x"]
    (tmp_path / "y.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported file type '.pdf'"):
        load_source(tmp_path / "y.pdf")
    with pytest.raises(InputError, match="empty SOURCE"):
        load_source("  ")
