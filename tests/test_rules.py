"""The rule loader: every rule file loads into its model; a broken file fails at load, naming file and key."""

import shutil

import pytest

from extract.rule_files import MODELS, FiguresRules
from claims.verdicts import DATA as CLAIMS_DATA, VerdictsFile
from extract.rules import DATA, RuleFileError, load_rules, read_toml, validate

ALL = MODELS


@pytest.mark.parametrize("name", sorted(ALL), ids=sorted(ALL))
def test_every_rule_file_loads_into_its_model(name):
    rules = load_rules(name, ALL[name])
    assert isinstance(rules, ALL[name])


def test_every_data_file_has_a_model():
    """No rule file is read around the loader: each TOML file under extract/data has a model."""
    assert sorted(p.name for p in DATA.glob("*.toml")) == sorted(ALL)


def test_a_loaded_model_is_cached_and_frozen():
    first = load_rules("changes.toml", MODELS["changes.toml"])
    assert load_rules("changes.toml", MODELS["changes.toml"]) is first
    with pytest.raises(Exception):
        first.before = None


@pytest.mark.parametrize(
    "name, old, new, key",
    [
        ("changes.toml", "[after]", "[aftr]", "aftr"),  # a typo in a section name
        ("claim_filter.toml", "[win_loss]\n", "[win_loss]\nextra_words = ['x']\n", "win_loss.extra_words"),
        ("textclean.toml", "paragraph_min_words = ", "paragraph_min_words = 'many' #", "paragraph_min_words"),
        ("claim_filter.toml", 'after = ["only", "exactly", "least"]', 'after = "only"', "one_counts.after"),
        ("periods.toml", 'kind = "mq"', 'kind = "mqq"', "patterns.0.kind"),
        ("periods.toml", 'fyq = ["FY{1}-Q{ordinal 2}"]', 'fyq = ["FY{1}-Q{ordinl 2}"]', "written.fyq.0"),
        ("periods.toml", "horizon_before = ", "horizon_befor = ", "context.horizon_befor"),
        ("periods.toml", "ordinals = ", "ordinal = ", "words.ordinal"),
        ("calendar.toml", "march = 3", "march = 13", "months.march"),
        ("prefilter.toml", "verb_after = ", "verb_afterr = ", "patterns.verb_afterr"),
        ("prefilter.toml", 'say = "said"', "say = ['said']", "irregular_past.say"),
        ("quantities.toml", "connector = ", "conector = ", "patterns.conector"),
        ("periods.toml", "than_before = ", "then_before = ", "writing_year.then_before"),
        ("quantities.toml", "[ratio_not_before]\nwords", "[ratio_not_before]\nword", "ratio_not_before.word"),
        ("quantities.toml", 'phrases = ["hundreds", "dozens"]', 'phrases = "hundreds"', "vague_before_scales.phrases"),
        ("changes.toml", "[clause_joiners]", "[clause_joiner]", "clause_joiner"),
        ("prefilter.toml", "[definite]", "[definitive]", "definitive"),
        ("calendar.toml", "[weekdays]", "[weekday]", "weekday"),
        ("sentences.toml", 'words = ["Jr"', 'word = ["Jr"', "name_suffixes.word"),
        ("quantities.toml", "somewhere_before = ", "somewhere_befor = ", "patterns.somewhere_befor"),
        ("quantities.toml", '[counted_people_endings]\nwords = ["ans"', '[counted_people_endings]\nwords = "ans"  #',
         "counted_people_endings.words"),
    ],
    ids=["misspelt-section", "unknown-key", "number-as-text", "list-as-string", "periods-unknown-kind",
         "periods-misspelt-template", "periods-misspelt-context-key", "periods-misspelt-word-list",
         "calendar-month-out-of-range", "prefilter-misspelt-pattern", "prefilter-past-form-as-list",
         "quantities-misspelt-pattern", "writing-year-misspelt-pattern", "quantities-misspelt-ratio-key",
         "quantities-list-as-string", "changes-misspelt-section", "prefilter-misspelt-section",
         "calendar-misspelt-section", "sentences-misspelt-suffix-key",
         "quantities-misspelt-late-pattern", "quantities-endings-as-string"],
)
def test_a_broken_rule_file_fails_at_load_naming_file_and_key(tmp_path, name, old, new, key):
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as e:
        load_rules(name, ALL[name], tmp_path)
    assert str(e.value).startswith(f"{name}: ") and key in str(e.value)


def test_an_unreadable_rule_file_is_a_one_line_error(tmp_path):
    shutil.copy(DATA / "sentences.toml", tmp_path / "sentences.toml")
    (tmp_path / "sentences.toml").write_text("[titles\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"^sentences\.toml: "):
        load_rules("sentences.toml", MODELS["sentences.toml"], tmp_path)


def test_every_change_noun_is_a_growth_cue():
    """One list of change nouns: changes.toml's nouns after a figure ("a 16% improvement",
    "a 3% drop") make its metric a growth as metrics.toml's growth cues do."""
    from extract.rule_files import ChangesRules
    from extract.vocab import metric_vocabulary

    after = load_rules("changes.toml", ChangesRules).after
    assert set(after.up) | set(after.down) <= metric_vocabulary().growth_cues


def test_the_claims_verdict_file_goes_through_the_one_loader():
    """claims/data/verdicts.toml: a misspelt key fails at load naming the file and key."""
    raw = read_toml(CLAIMS_DATA / "verdicts.toml")
    raw["verdicts"]["confirmed"]["lable"] = raw["verdicts"]["confirmed"].pop("label")
    with pytest.raises(RuleFileError, match=r"verdicts.toml: verdicts.confirmed.l"):
        validate(raw, VerdictsFile, "verdicts.toml")


def test_a_misspelt_figures_key_fails_naming_file_and_key():
    """extract/data/figures.toml (where a figure stands in its sentence)."""
    raw = read_toml(DATA / "figures.toml")
    raw["level_nows"] = raw.pop("level_now")
    with pytest.raises(RuleFileError, match=r"figures.toml: .*level_now"):
        validate(raw, FiguresRules, "figures.toml")
