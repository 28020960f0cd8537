"""The clause bytecode cache treats an entry whose header is right but whose checksum is
damaged as a miss (the existing damaged-entry test in test_faults_edges.py stops at a
wrong header, before the checksum is read); clause conditions are kept in it too, and
mean exactly what Jinja's compile_expression makes of them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from jinja2 import Environment, TemplateSyntaxError, bccache

from docgen.clauses import bytecode, engine
from docgen.clauses.bytecode import BestEffortCache
from docgen.clauses.engine import _expression, compiling_code, environment


def _cache(folder: Path) -> BestEffortCache:
    """The command line's bytecode cache in ``folder``, named for this code."""
    return BestEffortCache(str(folder), compiling_code() or "")


@pytest.mark.parametrize("checksum", [b"\x80\x05garbage", b"("], ids=["damaged", "cut short"])
def test_a_damaged_checksum_behind_a_good_header_is_a_miss(tmp_path: Path,
                                                           checksum: bytes) -> None:
    cache = _cache(tmp_path)
    bucket = bccache.Bucket(Environment(), "key", "checksum")
    Path(cache._get_cache_filename(bucket)).write_bytes(  # noqa: SLF001
        bccache.bc_magic + checksum)
    cache.load_bytecode(bucket)
    assert bucket.code is None


def test_two_pythons_sharing_the_cache_folder_keep_their_own_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under one name, each would find the other's entry (a miss: Jinja's header names
    the Python), compile again and overwrite it, on every run."""
    env = Environment()
    source = "{{ a }} and {{ b }}"
    other = bytecode.PYTHON + "x"
    monkeypatch.setattr(bytecode, "PYTHON", other)  # the other Python writes its entry
    theirs = _cache(tmp_path)
    bucket = bccache.Bucket(env, "clause", "checksum of the source")
    bucket.code = env.compile(source)
    theirs.dump_bytecode(bucket)
    [their_file] = list(tmp_path.iterdir())
    written = their_file.read_bytes()
    monkeypatch.undo()
    ours = _cache(tmp_path)
    mine = bccache.Bucket(env, "clause", bucket.checksum)
    ours.load_bytecode(mine)
    assert mine.code is None  # not ours to load: a miss, as a cold cache
    mine.code = env.compile(source)
    ours.dump_bytecode(mine)
    assert their_file.read_bytes() == written  # theirs left for them
    assert len(list(tmp_path.iterdir())) == 2
    assert bytecode.PYTHON in Path(ours._get_cache_filename(mine)).name  # noqa: SLF001
    again = bccache.Bucket(env, "clause", bucket.checksum)
    ours.load_bytecode(again)
    assert again.code is not None


CONDITIONS = ["a.x == 1", "parties | selectattr('kind', 'equalto', 'nhs') | list",
              "missing", "a.x > 0 and not a.y", "[1, 2] | length == 2"]


def test_conditions_are_kept_in_the_cache_and_mean_what_jinja_makes_of_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = environment()
    monkeypatch.setattr(env, "bytecode_cache", _cache(tmp_path))
    names = {"a": {"x": 1, "y": False}, "parties": [{"kind": "nhs"}, {"kind": "council"}]}
    expected = [env.compile_expression(c)(**names) for c in CONDITIONS]
    _expression.cache_clear()
    assert [_expression(c)(**names) for c in CONDITIONS] == expected
    assert expected[2] is None  # an undefined name is None, as compile_expression has it
    assert len(list(tmp_path.iterdir())) == len(CONDITIONS)
    _expression.cache_clear()

    def no_parsing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a condition was parsed again")

    monkeypatch.setattr(engine, "Parser", no_parsing)
    assert [_expression(c)(**names) for c in CONDITIONS] == expected
    _expression.cache_clear()


def test_a_condition_that_does_not_parse_fails_as_compile_expression_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = environment()
    monkeypatch.setattr(env, "bytecode_cache", _cache(tmp_path))
    _expression.cache_clear()
    for bad in ("a ==", "a b", "a %} b"):
        with pytest.raises(TemplateSyntaxError) as ours:
            _expression(bad)
        with pytest.raises(TemplateSyntaxError) as jinjas:
            env.compile_expression(bad)
        assert str(ours.value) == str(jinjas.value)
    assert not list(tmp_path.iterdir())
    _expression.cache_clear()


def test_an_entry_jinja_wrote_is_read_back_and_a_changed_source_is_a_miss(
        tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    env = Environment()
    code = compile("x = 1", "<clause>", "exec")
    written = bccache.Bucket(env, "key", "checksum of the source")
    written.code = code
    cache.dump_bytecode(written)
    read = bccache.Bucket(env, "key", "checksum of the source")
    cache.load_bytecode(read)
    assert read.code == code
    changed = bccache.Bucket(env, "key", "checksum of an edited source")
    cache.load_bytecode(changed)
    assert changed.code is None
    missing = bccache.Bucket(env, "another key", "checksum")
    cache.load_bytecode(missing)
    assert missing.code is None


def test_a_flipped_byte_anywhere_in_an_entry_is_a_miss(tmp_path: Path) -> None:
    """Jinja's own format let about half of such entries load as other code, and others
    fail in marshal with SystemError or MemoryError: the hash in front makes each a miss."""
    cache = _cache(tmp_path)
    env = environment()
    code = env.compile(env.parse("{% if a.x %}{{ a.y }}{% endif %}"), raw=False)
    written = bccache.Bucket(env, "key", "checksum")
    written.code = code
    cache.dump_bytecode(written)
    entry = Path(cache._get_cache_filename(written))  # noqa: SLF001
    good = entry.read_bytes()
    rnd = random.Random(5)
    for _ in range(300):
        damaged = bytearray(good)
        damaged[rnd.randrange(len(damaged))] ^= 1 << rnd.randrange(8)
        entry.write_bytes(bytes(damaged))
        bucket = bccache.Bucket(env, "key", "checksum")
        cache.load_bytecode(bucket)
        assert bucket.code is None
    entry.write_bytes(good)
    bucket = bccache.Bucket(env, "key", "checksum")
    cache.load_bytecode(bucket)
    assert bucket.code == code
