"""How well the rules check does on the project's own corpus (tests/policy/corpus/<lang>.jsonl).

Run: `uv run python bench/policy_eval.py [--worst N] [--lang sv] [--only sv-r6]`. Prints, per language and
per rule, recall (the rules a case says must fire, found) and the clean rate (messages that
must raise nothing, left alone), then the worst cases: misses and false alarms.

Corpus format, one JSON object a line: `{"id", "text", "fire": [rule ids]}`. `fire` empty
means a clean message: no finding of any rule may appear. A violation may raise other rules
too (a PayPal offer is off-platform and maybe contact-info); only its `fire` rules count.
Each language is checked in its marketplace's pack (sv -> amazon.se, en -> amazon.co.uk…), the
way `seller-inbox check --marketplace amazon.se -` and the composer check it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.policy import Finding, PolicyContext, PolicyDraft, check, load_pack

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "policy" / "corpus"
MARKETPLACES = {
    "en": "amazon.co.uk",
    "sv": "amazon.se",
    "es": "amazon.es",
    "de": "amazon.de",
    "fr": "amazon.fr",
    "it": "amazon.it",
}
LANGUAGES = tuple(MARKETPLACES)


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    text: str
    fire: tuple[str, ...]


@dataclass(slots=True)
class Outcome:
    case: Case
    found: tuple[str, ...]  # rule ids that fired

    @property
    def missed(self) -> list[str]:
        return [r for r in self.case.fire if r not in self.found]

    @property
    def false_alarms(self) -> list[str]:
        return [] if self.case.fire else sorted(set(self.found))


@dataclass(slots=True)
class Score:
    expected: int = 0
    hit: int = 0
    clean: int = 0
    clean_ok: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=dict)  # rule -> [expected, hit, fp]

    @property
    def recall(self) -> float:
        return self.hit / self.expected if self.expected else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean_ok / self.clean if self.clean else 1.0


def load_cases(lang: str) -> list[Case]:
    path = CORPUS / f"{lang}.jsonl"
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                raw = json.loads(line)
                cases.append(Case(str(raw["id"]), str(raw["text"]), tuple(raw["fire"])))
            except (ValueError, KeyError) as exc:
                raise SystemExit(f"{path}:{n}: bad corpus line ({exc})") from exc
    return cases


def findings_for(case: Case, lang: str) -> list[Finding]:
    ctx = PolicyContext(pack=load_pack(MARKETPLACES[lang]))
    return check(PolicyDraft("Re: your order", case.text), ctx)


def evaluate(lang: str, only: str = "") -> tuple[Score, list[Outcome]]:
    score = Score()
    outcomes = []
    for case in load_cases(lang):
        if not case.id.startswith(only):
            continue
        found = tuple(sorted({f.rule for f in findings_for(case, lang)}))
        out = Outcome(case, found)
        outcomes.append(out)
        for rule in case.fire:
            counts = score.by_rule.setdefault(rule, [0, 0, 0])
            counts[0] += 1
            score.expected += 1
            if rule in found:
                counts[1] += 1
                score.hit += 1
        if not case.fire:
            score.clean += 1
            score.clean_ok += not found
            for rule in found:
                score.by_rule.setdefault(rule, [0, 0, 0])[2] += 1
    return score, outcomes


def _worst(outcomes: Sequence[Outcome]) -> Iterator[str]:
    for o in outcomes:
        what = (
            f"missed {','.join(o.missed)}"
            if o.missed
            else f"false alarm {','.join(o.false_alarms)}"
            if o.false_alarms
            else ""
        )
        if what:
            yield f"  {o.case.id}  {what}:  {' '.join(o.case.text.split())[:110]}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="cases to list")
    parser.add_argument(
        "--only", default="", metavar="PREFIX", help="cases whose id starts so (a round: sv-r6)"
    )
    args = parser.parse_args(argv)
    langs = args.lang or [lang for lang in LANGUAGES if (CORPUS / f"{lang}.jsonl").is_file()]
    results = {lang: evaluate(lang, args.only) for lang in langs}

    print("| language | cases | violations | recall | clean messages | clean rate |")
    print("|---|---|---|---|---|---|")
    for lang, (s, outs) in results.items():
        print(
            f"| {lang} | {len(outs)} | {len(outs) - s.clean} | {s.recall:.3f} "
            f"| {s.clean} | {s.clean_rate:.3f} |"
        )
    rules: dict[str, list[int]] = {}
    for s, _o in results.values():
        for rule, (e, h, fp) in s.by_rule.items():
            acc = rules.setdefault(rule, [0, 0, 0])
            acc[0] += e
            acc[1] += h
            acc[2] += fp
    print("\n| rule | must fire | found | recall | false alarms on clean messages |")
    print("|---|---|---|---|---|")
    for rule, (e, h, fp) in sorted(rules.items()):
        rec = f"{h / e:.3f}" if e else "–"
        print(f"| {rule} | {e} | {h} | {rec} | {fp} |")
    for lang, (_s, outs) in results.items():
        bad = list(_worst(outs))
        if bad and args.worst:
            print(f"\nworst cases, {lang} ({len(bad)}):")
            print("\n".join(bad[: args.worst]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
