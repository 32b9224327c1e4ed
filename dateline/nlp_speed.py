"""Faster equivalents of the parts of a spaCy pipeline that are slow for no linguistic reason.

The models stay exactly as shipped and every annotation is unchanged (a test compares
each token with the stock pipeline).  Three costs are removed:

* thinc multiplies matrices with BLIS by default, and the BLIS wheel on PyPI ran at a
  third of numpy's OpenBLAS on the x86 machine measured (`docs/benchmarks.md`); the
  tok2vec and NER layers are mostly such products.
* The attribute ruler runs a general `Matcher` over every token to apply a table of
  tag -> POS/morphology rules.  The rules look at a token's tag, lower form and
  dependency label (and rarely at a neighbour), so their outcome is computed once per
  distinct combination, looked up per token with numpy and written back as arrays.
* The rule lemmatizer keeps its index as lists and scans them for every new word, and
  it pays Python attribute access per token to reach its cache; here the index is a set,
  the keys come out of the Doc as one array and the lemmas go back as one array.

A pipeline whose components do not fit (other patterns, a lookup lemmatizer, another
ops backend) keeps its own components: only what is provably equivalent is replaced.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

RULES = "dateline_attribute_rules"
LEMMAS = "dateline_rule_lemmas"


def use_numpy_blas() -> bool:
    """Make thinc build models with numpy's matrix product (call before `spacy.load`)."""
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    ops = get_current_ops()
    if type(ops) is not NumpyOps or not getattr(ops, "use_blis", False):
        return False  # a GPU or another backend was chosen on purpose
    set_current_ops(NumpyOps(use_blis=False))
    return True


def one_blas_thread() -> None:
    """One BLAS thread per process: worker processes already fill the cores."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


# -- the attribute ruler ----------------------------------------------------------------
class Unsupported(ValueError):
    """A pattern this compiler does not evaluate; the stock component stays."""


_READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text, "DEP": lambda t: t.dep_, "POS": lambda t: t.pos_,
    "IS_SPACE": lambda t: t.is_space, "IS_PUNCT": lambda t: t.is_punct,
}


def _test(attr: str, spec: Any) -> Callable[[Any], bool]:
    """One attribute condition of a Matcher token pattern, as a predicate on its value."""
    if attr not in _READERS:
        raise Unsupported(f"attribute {attr}")
    if isinstance(spec, bool | str):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda value: value in allowed
        if op == "NOT_IN":
            refused = frozenset(arg)
            return lambda value: value not in refused
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda value: bool(pattern.search(value))
    raise Unsupported(f"{attr}: {spec!r}")


@dataclass(frozen=True)
class _Spec:
    """One token of one rule's pattern."""

    tests: tuple[tuple[int, Callable[[Any], bool]], ...]  # (feature position, predicate)

    def holds(self, features: tuple) -> bool:
        return all(test(features[i]) for i, test in self.tests)


@dataclass
class CompiledRules:
    """The rules of an `AttributeRuler`, evaluated once per distinct token signature.

    A signature is what the patterns can see of a token: its tag, dependency label and
    space flag, its lower form only when some pattern names that word, and the outcome
    of the few regular expressions on it.  News has an open vocabulary but a few
    thousand signatures.
    """

    attributes: tuple[str, ...]  # the token features any pattern reads, in feature order
    singles: list[tuple[int, _Spec]]  # (rule, spec) of one-token patterns
    multis: list[tuple[int, tuple[_Spec, ...], int]]  # (rule, specs, index) of longer ones
    attrs: list[dict]  # rule -> the attributes it sets (spaCy's own normalised dicts)
    named: dict[str, frozenset[str]]  # attribute -> every literal word the patterns name
    regexes: dict[str, tuple[re.Pattern, ...]]  # attribute -> the expressions tested on it
    _cache: dict[tuple, tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = field(
        default_factory=dict)
    _words: dict[tuple[int, int], int] = field(default_factory=dict)  # (column, hash) -> code
    _word_codes: dict[tuple[int, Any], int] = field(default_factory=dict)
    _merges: dict[tuple[int, ...], dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_ruler(cls, ruler: Any) -> CompiledRules:
        rules: list[tuple[int, list[dict], int]] = []
        for rule, pattern_set in enumerate(_patterns_by_rule(ruler)):
            for pattern in pattern_set:
                rules.append((rule, pattern, ruler.indices[rule]))
        names = sorted({attr for _, pattern, _ in rules for tok in pattern for attr in tok})
        position = {name: i for i, name in enumerate(names)}
        singles, multis = [], []
        for rule, pattern, index in rules:
            if not pattern or any("OP" in tok for tok in pattern):
                raise Unsupported("operators")
            specs = tuple(_Spec(tuple((position[a], _test(a, v)) for a, v in tok.items()))
                          for tok in pattern)
            if len(specs) == 1:
                if index not in (0, -1):
                    raise Unsupported("index outside a one-token pattern")
                singles.append((rule, specs[0]))
            else:
                multis.append((rule, specs, index if index >= 0 else len(specs) + index))
        for attrs in ruler.attrs:
            if not all(isinstance(k, int) and isinstance(v, int) for k, v in attrs.items()):
                raise Unsupported("attributes other than token attribute ids")
        named: dict[str, set[str]] = {}
        regexes: dict[str, list[re.Pattern]] = {}
        for _, pattern, _ in rules:
            for tok in pattern:
                for attr, spec in tok.items():
                    if attr in _WORDS:
                        named.setdefault(attr, set()).update(_literals(spec))
                        if isinstance(spec, dict) and "REGEX" in spec:
                            regexes.setdefault(attr, []).append(re.compile(spec["REGEX"]))
        return cls(tuple(names), singles, multis, list(ruler.attrs),
                   {a: frozenset(w) for a, w in named.items()},
                   {a: tuple(r) for a, r in regexes.items()})

    def _word_key(self, attr: str, word: str) -> Any:
        """The word itself if a pattern names it; otherwise only the outcome of the
        regular expressions on it matters (equality, IN and NOT_IN answer alike)."""
        if word in self.named.get(attr, ()):
            return word
        return (None, tuple(bool(r.search(word)) for r in self.regexes.get(attr, ())))

    def _signature(self, key: tuple, doc: Doc, at: int) -> tuple[tuple[int, ...], frozenset]:
        """One-token rules that match, and which (rule, position) specs of longer rules
        hold; computed on the first token (`doc[at]`) of each signature."""
        found = self._cache.get(key)
        if found is None:
            token = doc[at]
            values = tuple(_READERS[name](token) for name in self.attributes)
            singles = tuple(rule for rule, spec in self.singles if spec.holds(values))
            parts = frozenset((n, p) for n, (_, specs, _) in enumerate(self.multis)
                              for p, spec in enumerate(specs) if spec.holds(values))
            found = self._cache[key] = (singles, parts)
        return found

    def _columns(self, doc: Doc) -> np.ndarray:
        """The features the patterns read, one row per token, with each word replaced by
        a small number for what the patterns can tell of it (see `_word_key`)."""
        from spacy.attrs import IDS

        strings = doc.vocab.strings
        columns = doc.to_array([IDS[name] for name in self.attributes])
        columns = columns.reshape(len(doc), len(self.attributes)).astype(np.uint64)
        for i, name in enumerate(self.attributes):
            if name in _FLAGS:
                columns[:, i] = columns[:, i] != 0
            elif name in _WORDS:
                values, inverse = np.unique(columns[:, i], return_inverse=True)
                codes = []
                for value in values.tolist():
                    code = self._words.get((i, value))
                    if code is None:
                        word = self._word_key(name, strings[value])
                        code = self._word_codes.setdefault((i, word), len(self._word_codes))
                        self._words[i, value] = code
                    codes.append(code)
                columns[:, i] = np.asarray(codes, dtype=np.uint64)[inverse.reshape(-1)]
        return columns

    def apply(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows, first, inverse = np.unique(self._columns(doc), axis=0, return_index=True,
                                         return_inverse=True)
        inverse = inverse.reshape(-1)
        signatures = [self._signature(row, doc, at)
                      for row, at in zip(map(tuple, rows.tolist()), first.tolist(), strict=True)]
        extra = self._longer_rules(signatures, inverse)
        merged = [self._merged(singles) for singles, _ in signatures]
        changes: dict[int, Any] = {}  # attribute -> new value per token (or _KEEP)
        for attr in {attr for m in merged for attr in m}:
            by_row = np.asarray([m.get(attr, _KEEP) for m in merged], dtype=np.uint64)
            changes[attr] = by_row[inverse]
        for i, rules in extra.items():
            token_merged = self._merged(tuple(sorted((*signatures[inverse[i]][0], *rules))))
            for attr in token_merged.keys() - changes.keys():
                changes[attr] = np.full(len(doc), _KEEP, dtype=np.uint64)
            for attr, column in changes.items():
                column[i] = token_merged.get(attr, _KEEP)
        self._write(doc, changes)
        return doc

    def _longer_rules(self, signatures: list, inverse: np.ndarray) -> dict[int, list[int]]:
        """Token -> the multi-token rules whose pattern places their attributes on it."""
        extra: dict[int, list[int]] = {}
        for n, (rule, specs, index) in enumerate(self.multis):
            holds = [np.asarray([(n, p) in parts for _, parts in signatures])[inverse]
                     for p in range(len(specs))]
            width = len(holds[0]) - len(specs) + 1
            if width <= 0:
                continue
            starts = np.ones(width, dtype=bool)
            for p, column in enumerate(holds):
                starts &= column[p:p + width]
            for start in np.flatnonzero(starts).tolist():
                extra.setdefault(start + index, []).append(rule)
        return extra

    def _merged(self, rules: tuple[int, ...]) -> dict[int, int]:
        found = self._merges.get(rules)
        if found is None:
            found = self._merges[rules] = {}
            for rule in rules:  # later rules win, as in spaCy's match order
                found.update(self.attrs[rule])
        return found

    @staticmethod
    def _write(doc: Doc, changes: dict[int, np.ndarray]) -> None:
        """Set the changed attributes: as arrays where `Doc.from_array` takes them, token
        by token (as spaCy does) for anything else."""
        from spacy.attrs import LEMMA, MORPH, POS, TAG
        from spacy.tokens._retokenize import set_token_attrs

        bulk = [a for a in changes if a in (POS, MORPH, LEMMA, TAG)]
        if bulk:
            ids: Any = bulk
            current: Any = doc.to_array(ids).reshape(len(doc), len(bulk)).astype(np.uint64)
            for j, attr in enumerate(bulk):
                column = changes[attr]
                current[:, j] = np.where(column == _KEEP, current[:, j], column)
            doc.from_array(ids, current)
        for attr, column in changes.items():
            if attr in bulk:
                continue
            for i in np.flatnonzero(column != _KEEP).tolist():
                set_token_attrs(doc[i], {attr: int(column[i])})


_KEEP = np.uint64(2**64 - 1)  # "this token keeps its value" in a column of new values


_WORDS = frozenset({"LOWER", "ORTH", "TEXT"})  # open-vocabulary features
_FLAGS = frozenset({"IS_SPACE", "IS_PUNCT"})


def _literals(spec: Any) -> set[str]:
    if isinstance(spec, str):
        return {spec}
    if isinstance(spec, dict):
        return {w for op, arg in spec.items() if op in ("IN", "NOT_IN") for w in arg}
    return set()


def _patterns_by_rule(ruler: Any) -> list[list[list[dict]]]:
    """Each rule's token patterns, in the order the ruler applies them (its rule numbers)."""
    return [[list(pattern) for pattern in rule["patterns"]] for rule in ruler.patterns]


# -- the rule lemmatizer ----------------------------------------------------------------
@dataclass
class ArrayLemmas:
    """spaCy's rule lemmatizer, read and written as arrays.

    The same cache key as spaCy's, (word, POS, morphology), and the same rules: spaCy
    keeps the lemma index as lists and tests membership by scanning them, which makes
    each new word cost a scan of thousands of entries; here the index is a set.
    """

    lemmatizer: Any
    _hashes: dict[tuple[int, int, int], int] = field(default_factory=dict)
    _tables: dict[str, tuple[bool, frozenset[str], dict, list]] = field(default_factory=dict)

    def _table(self, univ_pos: str) -> tuple[bool, frozenset[str], dict, list]:
        found = self._tables.get(univ_pos)
        if found is None:
            lookups = self.lemmatizer.lookups
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            found = self._tables[univ_pos] = (any((index, exceptions, rules)),
                                              frozenset(index or ()), exceptions or {},
                                              list(rules or ()))
        return found

    def lemma(self, token: Token) -> str:
        """The first form of `Lemmatizer.rule_lemmatize`, step for step."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return string.lower()
        known, index, exceptions, rules = self._table(univ_pos)
        if not known:
            return string if univ_pos == "propn" else string.lower()
        lower = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [string])[0]

    def apply(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = bool(getattr(self.lemmatizer, "overwrite", False))
        hashes = self._hashes
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = hashes.get(key)
            if value is None:
                value = hashes[key] = doc.vocab.strings.add(self.lemma(doc[i]))
            rows[i, 3] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], rows[:, 3:4])
        return doc


def _components() -> None:
    """Register the two replacement components (once per process)."""
    from spacy.language import Language

    if RULES in Language.factories:
        return

    @Language.factory(RULES, default_config={"source": "attribute_ruler"})
    def make_rules(nlp: Language, name: str, source: str) -> Callable[[Doc], Doc]:
        return _Component(CompiledRules.from_ruler(nlp.get_pipe(source)).apply)

    @Language.factory(LEMMAS, default_config={"source": "lemmatizer"})
    def make_lemmas(nlp: Language, name: str, source: str) -> Callable[[Doc], Doc]:
        return _Component(ArrayLemmas(nlp.get_pipe(source)).apply)


@dataclass
class _Component:
    """A pipeline component around one per-Doc function."""

    function: Callable[[Doc], Doc]

    def __call__(self, doc: Doc) -> Doc:
        return self.function(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self.function(doc)


def install(nlp: Language) -> list[str]:
    """Replace the attribute ruler and the rule lemmatizer where the replacement is exact."""
    _components()
    done = []
    if "attribute_ruler" in nlp.pipe_names:
        try:
            nlp.add_pipe(RULES, after="attribute_ruler")
        except Unsupported as exc:
            log.info("keeping spaCy's attribute ruler (%s)", exc)
        else:
            nlp.disable_pipe("attribute_ruler")
            done.append(RULES)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lemmatizer is not None and getattr(lemmatizer, "mode", None) == "rule" \
            and type(lemmatizer).__name__ in ("Lemmatizer", "EnglishLemmatizer"):
        nlp.add_pipe(LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
        done.append(LEMMAS)
    return done
