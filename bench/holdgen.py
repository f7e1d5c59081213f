"""Generate realistic legal-hold lists with planted look-alikes whose answers are known.

A *scenario* is a hold list (spec/cli.md columns), a set of passengers (a manifest in
the spec/manifest-csv.md format can be written for them) and the answers:

- ``expected``: hold rows that ARE the same person as a passenger under the rule of
  spec/findings.md (accents or case changed, second surname dropped on either side,
  hyphen-joined or space-joined surnames, given names shortened on either side,
  compound surnames, partly unknown dates written the same, and combinations);
- ``traps``: hold rows that look alike and must NOT match: namesakes with another
  date of birth, twins (same surnames and date of birth, another first given name),
  another second given name (José Luis / José Antonio), a dropped particle (De la
  Cruz / Cruz), swapped surnames, a one-letter typo, and partly unknown dates written
  differently.

Background rows never collide with a passenger by construction: passengers are born on
days reserved for them (day ordinal divisible by 7), background rows never are, and
the two use disjoint forms of partly unknown dates. So the answers are exact.

Deterministic for a seed. Usage::

    python bench/holdgen.py --rows 1000000 --out holds.csv \
        --manifest-out manifest.csv --answers-out answers.json
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from clearway.domain.people import MANIFEST_COLUMNS
from clearway.screening import HOLD_COLUMNS

SPANISH_SURNAMES = (
    "García", "López", "Martínez", "Hernández", "González", "Pérez", "Rodríguez", "Sánchez",
    "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vásquez", "Reyes", "Jiménez", "Torres",
    "Díaz", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero",
    "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera",
    "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz", "Rojas", "Contreras",
    "Salazar", "Luna", "Ortega", "Santiago", "Guerrero", "Estrada", "Bautista", "Cortés",
    "Soto", "Alvarado", "Espinoza", "Lara", "Ávila", "Ríos", "Cervantes", "Silva", "Delgado",
    "Vega", "Márquez", "Sandoval", "Fernández", "Carrillo", "Mejía", "Solís", "Núñez",
    "Rosas", "Campos", "Ibáñez", "Ordóñez", "Villaseñor", "Castañeda", "Saldaña", "Peña",
    "Argüello", "Quiñónez", "Zúñiga", "Echeverría", "Valdés", "Beltrán", "Galván", "Orellana",
)  # fmt: skip
MAYAN_SURNAMES = (
    "Coyoy", "Tzoc", "Xicará", "Batz", "Ajú", "Chumil", "Tzul", "Cumes", "Xoyón", "Ixcoy",
    "Sicán", "Chitay", "Tuyuc", "Cojtí", "Ixcot", "Pocop", "Tum", "Cux", "Ajpop", "Sajché",
    "Tuch", "Chajón", "Sipac", "Ixtabalán", "Menchú", "Caal", "Choc", "Xol", "Pop", "Tiul",
    "Coc", "Maquín", "Cac", "Tzunún", "Quej", "Cuc", "Chub", "Ical", "Tecún", "Xiloj",
)  # fmt: skip
COMPOUND_SURNAMES = (
    "De la Cruz", "Del Río", "De León", "De los Santos", "De la Rosa", "Del Valle",
    "De Jesús", "De la Torre", "San Martín", "De Paz",
)  # fmt: skip
GIVEN_F = (
    "María", "María José", "María de los Ángeles", "Ana", "Ana Lucía", "Belén", "Xóchitl",
    "Nayeli", "Citlali", "Rocío", "Inés", "Sofía", "Dolores", "Guadalupe", "Lucía", "Mónica",
    "Araceli", "Concepción", "Yésica", "Ixchel", "Itzel", "Rigoberta", "Rosa María",
    "Gabriela", "Verónica", "Patricia", "Alejandra", "Claudia", "Leticia", "Marisol",
    "Yolanda", "Teresa", "Margarita", "Elena", "Sandra Elizabeth", "Juana", "Candelaria",
)  # fmt: skip
GIVEN_M = (
    "José", "José Luis", "José Antonio", "Juan Carlos", "Juan", "Luis", "Carlos", "Jorge",
    "Miguel Ángel", "Efraín", "Héctor", "Óscar", "Tomás", "Andrés", "Joaquín", "Ramón",
    "Martín", "Iván", "Francisco Javier", "Pedro", "Pablo", "Diego", "Alejandro", "Fernando",
    "Ricardo", "Eduardo", "Manuel", "Jesús", "Ángel", "Rigoberto", "Byron", "Selvin",
    "Édgar Rolando", "Mynor", "Wilmer", "Baltazar", "Nicolás",
)  # fmt: skip
NATIONALITIES = ("MEX", "GTM", "HND", "SLV")
HOLD_TYPES = ("stay_of_removal", "court_order", "pending_appeal")

# Passengers get these birth days only; background rows never do.
_BIRTH_START = date(1950, 1, 1).toordinal()
_BIRTH_END = date(2007, 12, 31).toordinal()


def _is_reserved(day: int) -> bool:
    return day % 7 == 0


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


@dataclass(frozen=True)
class Person:
    surname: str
    second_surname: str
    given_names: str
    date_of_birth: str  # as written, possibly partly unknown
    sex: str
    nationality: str


@dataclass
class Scenario:
    """What a generated hold list is tested against."""

    passengers: list[Person]
    #: (passenger index, hold_ref, variant kind): must match
    expected: list[tuple[int, str, str]] = field(default_factory=list)
    #: (passenger index, hold_ref, trap kind): must not match
    traps: list[tuple[int, str, str]] = field(default_factory=list)
    invalid_lines: list[int] = field(default_factory=list)
    rows: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "passengers": [dict(asdict(p), seq=i + 1) for i, p in enumerate(self.passengers)],
            "expected": [{"seq": i + 1, "hold_ref": ref, "kind": kind} for i, ref, kind in self.expected],
            "traps": [{"seq": i + 1, "hold_ref": ref, "kind": kind} for i, ref, kind in self.traps],
            "invalid_lines": self.invalid_lines,
            "rows": self.rows,
        }


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def surname(self) -> str:
        roll = self.rng.random()
        if roll < 0.62:
            return self.rng.choice(SPANISH_SURNAMES)
        if roll < 0.92:
            return self.rng.choice(MAYAN_SURNAMES)
        return self.rng.choice(COMPOUND_SURNAMES)

    def given(self, sex: str) -> str:
        return self.rng.choice(GIVEN_F if sex == "F" else GIVEN_M)


def _background_birth(rng: random.Random) -> str:
    while True:
        day = rng.randint(_BIRTH_START, _BIRTH_END)
        if not _is_reserved(day):
            break
    born = date.fromordinal(day)
    roll = rng.random()
    if roll < 0.004:  # partly unknown: background writes an unknown day in odd months only
        month = born.month if born.month % 2 else born.month - 1 or 1
        return f"{born.year:04d}-{month:02d}-00"
    return born.isoformat()


def _until(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return ""
    return (date(2024, 1, 1) + timedelta(days=rng.randint(0, 4 * 365))).isoformat()


def _case_variant(rng: random.Random, text: str) -> str:
    """Another spelling of the same words: accents dropped and/or letter case changed."""
    choice = rng.randrange(4)
    if choice == 0:
        return strip_accents(text)
    if choice == 1:
        return text.upper()
    if choice == 2:
        return strip_accents(text).upper()
    return text.lower()


def _typo(rng: random.Random, text: str) -> str:
    """One letter changed: still a different person under the rule."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    pos = rng.choice(letters[1:] or letters)
    replacement = "x" if text[pos].lower() != "x" else "z"
    return text[:pos] + replacement + text[pos + 1 :]


def make_passengers(count: int, seed: int = 7) -> list[Person]:
    """``count`` distinct passengers, each born on a day of their own."""
    rng = random.Random(seed * 1_000_003 + 1)
    names = _Names(rng)
    reserved = [d for d in range(_BIRTH_START, _BIRTH_END) if _is_reserved(d)]
    days = rng.sample(reserved, count)
    people: list[Person] = []
    for index, day in enumerate(days):
        sex = rng.choice("FM")
        born = date.fromordinal(day)
        if index % 25 == 3:  # some partly unknown dates (even months, or the month too)
            month = born.month if born.month % 2 == 0 else born.month + 1
            dob = f"{born.year:04d}-{month:02d}-00" if index % 50 == 3 else f"{born.year:04d}-00-00"
        else:
            dob = born.isoformat()
        second = "" if index % 9 == 4 else names.surname()
        people.append(
            Person(
                surname=names.surname(),
                second_surname=second,
                given_names=names.given(sex),
                date_of_birth=dob,
                sex=sex,
                nationality=rng.choice(NATIONALITIES),
            )
        )
    return people


def _words(text: str) -> list[str]:
    return text.replace("-", " ").split()


def _other_first_given(rng: random.Random, person: Person) -> str:
    pool = GIVEN_F if person.sex == "F" else GIVEN_M
    first = strip_accents(_words(person.given_names)[0]).lower()
    while True:
        name = rng.choice(pool)
        if strip_accents(_words(name)[0]).lower() != first:
            return name


def _variants(rng: random.Random, p: Person) -> list[tuple[str, Person]]:
    """Spellings of ``p`` that the rule accepts, each with its kind."""
    out: list[tuple[str, Person]] = [("exact", p)]
    accents = replace(
        p,
        surname=_case_variant(rng, p.surname),
        second_surname=_case_variant(rng, p.second_surname),
        given_names=_case_variant(rng, p.given_names),
        nationality=rng.choice(NATIONALITIES),  # nationality need not agree
    )
    out.append(("accents_or_case", accents))
    if p.second_surname:
        joined = f"{p.surname}-{p.second_surname}"
        spaced = f"{p.surname} {p.second_surname}"
        out.append(("second_surname_dropped", replace(p, second_surname="")))
        out.append(("hyphenated_surname", replace(p, surname=joined, second_surname="")))
        out.append(("space_joined_surname", replace(p, surname=spaced, second_surname="")))
        out.append(("dropped_and_accents", replace(accents, second_surname="")))
    else:
        # The passenger has no second surname; the hold row has one.
        out.append(("second_surname_dropped", replace(p, second_surname="Argüello")))
    given = _words(p.given_names)
    shorter = given[0] if len(given) > 1 else f"{p.given_names} Alberto"
    out.append(("given_names_shortened", replace(p, given_names=shorter)))
    return out


def _traps(rng: random.Random, p: Person) -> list[tuple[str, Person]]:
    """Look-alikes of ``p`` that the rule rejects."""
    out: list[tuple[str, Person]] = []
    other_day = rng.randint(_BIRTH_START, _BIRTH_END)
    while _is_reserved(other_day):
        other_day += 1
    namesake_born = date.fromordinal(other_day).isoformat()
    out.append(("namesake", replace(p, date_of_birth=namesake_born)))
    out.append(("twin", replace(p, given_names=_other_first_given(rng, p))))
    given = _words(p.given_names)
    if len(given) > 1:  # José Luis / José Antonio (with one given name it would be shortened)
        other_second = "Antonio" if strip_accents(given[1]).lower() != "antonio" else "Luis"
        out.append(("other_second_given", replace(p, given_names=f"{given[0]} {other_second}")))
    out.append(("typo", replace(p, surname=_typo(rng, p.surname))))
    if p.second_surname and _words(p.second_surname) != _words(p.surname):
        swapped = replace(p, surname=p.second_surname, second_surname=p.surname)
        out.append(("swapped_surnames", swapped))
    if len(_words(p.surname)) > 1:  # De la Cruz -> Cruz
        out.append(("particle_dropped", replace(p, surname=_words(p.surname)[-1])))
    if p.date_of_birth.endswith("-00"):
        year, month, _ = p.date_of_birth.split("-")
        other = f"{year}-06-00" if month == "00" else f"{year}-{month}-15"
        out.append(("partial_date_written_otherwise", replace(p, date_of_birth=other)))
    return out


INVALID_SAMPLES = (
    ("date_of_birth", lambda row: {**row, "date_of_birth": ""}),
    ("date_of_birth", lambda row: {**row, "date_of_birth": "1984-13-40"}),
    ("surname", lambda row: {**row, "surname": ""}),
    ("until", lambda row: {**row, "until": "31/12/2025"}),
)


def generate(
    rows: int,
    passengers: list[Person],
    *,
    seed: int = 7,
    planted_share: float = 0.4,
    invalid_rows: int = 0,
) -> tuple[Iterator[dict[str, str]], Scenario]:
    """Rows of a hold list (a lazy iterator of dicts) and the scenario they answer.

    A share of the passengers gets planted rows (one accepted variant each, cycling
    through the kinds, plus every trap kind that applies); the remaining rows up to
    ``rows`` are background. ``invalid_rows`` unreadable rows are spread through the list.
    The scenario's answers are complete once the iterator is exhausted (line numbers
    of invalid rows are filled in as they are written).
    """
    rng = random.Random(seed)
    scenario = Scenario(passengers=passengers)
    planted: list[dict[str, str]] = []
    ref_counter = iter(range(10**8))

    def hold(person: Person) -> dict[str, str]:
        return {
            "hold_ref": f"P{next(ref_counter):07d}",
            "surname": person.surname,
            "second_surname": person.second_surname,
            "given_names": person.given_names,
            "date_of_birth": person.date_of_birth,
            "nationality": person.nationality,
            "hold_type": rng.choice(HOLD_TYPES),
            "until": _until(rng),
        }

    chosen = [i for i in range(len(passengers)) if rng.random() < planted_share]
    for position, index in enumerate(chosen):
        person = passengers[index]
        variants = _variants(rng, person)
        kind, variant = variants[position % len(variants)]
        row = hold(variant)
        planted.append(row)
        scenario.expected.append((index, row["hold_ref"], kind))
        for trap_kind, trap in _traps(rng, person):
            row = hold(trap)
            planted.append(row)
            scenario.traps.append((index, row["hold_ref"], trap_kind))

    total = max(rows, len(planted) + invalid_rows)
    scenario.rows = total
    planted_at = dict(zip(sorted(rng.sample(range(total), len(planted))), planted, strict=True))
    free = [i for i in range(total) if i not in planted_at] if invalid_rows else []
    invalid_at = set(rng.sample(free, invalid_rows)) if invalid_rows else set()

    def rows_iter() -> Iterator[dict[str, str]]:
        names = _Names(random.Random(seed + 1))
        local = random.Random(seed + 2)
        for i in range(total):
            if i in planted_at:
                yield planted_at[i]
                continue
            sex = "F" if local.random() < 0.5 else "M"
            second = "" if local.random() < 0.12 else names.surname()
            row = {
                "hold_ref": f"H{i:08d}",
                "surname": names.surname(),
                "second_surname": second,
                "given_names": names.given(sex),
                "date_of_birth": _background_birth(local),
                "nationality": local.choice(NATIONALITIES),
                "hold_type": local.choice(HOLD_TYPES),
                "until": _until(local),
            }
            if local.random() < 0.05:
                row["surname"] = row["surname"].upper()
            if i in invalid_at:
                _, spoil = INVALID_SAMPLES[len(scenario.invalid_lines) % len(INVALID_SAMPLES)]
                row = spoil(row)
                scenario.invalid_lines.append(i + 2)  # the header is line 1
            yield row

    return rows_iter(), scenario


def write_holds(path: Path, rows: Iterator[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HOLD_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_manifest(path: Path, passengers: list[Person], *, seed: int = 7) -> None:
    """A manifest CSV (spec/manifest-csv.md) for the passengers; surnames upper case as in
    a travel document, one passport each, no MRZ (optional)."""
    rng = random.Random(seed + 3)
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for seq, p in enumerate(passengers, start=1):
            expiry = date(2027, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
            writer.writerow(
                {
                    "seq": str(seq),
                    "surname": p.surname.upper(),
                    "second_surname": p.second_surname,
                    "given_names": p.given_names,
                    "sex": p.sex,
                    "date_of_birth": p.date_of_birth,
                    "nationality": p.nationality,
                    "document_type": "P",
                    "document_number": "".join(rng.choice(alphabet) for _ in range(9)),
                    "document_issuer": p.nationality,
                    "document_expiry": expiry.isoformat(),
                    "mrz": "",
                    "case_ref": f"A{rng.randrange(10**9):09d}",
                    "family_group": "",
                    "medical": "",
                    "medical_escort": "N",
                    "notes": "",
                }
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--passengers", type=int, default=250)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--invalid", type=int, default=20, help="unreadable rows to plant")
    parser.add_argument("--out", type=Path, required=True, help="hold list CSV to write")
    parser.add_argument("--manifest-out", type=Path, help="manifest CSV of the passengers")
    parser.add_argument("--answers-out", type=Path, help="answers JSON")
    args = parser.parse_args(argv)
    passengers = make_passengers(args.passengers, seed=args.seed)
    rows, scenario = generate(args.rows, passengers, seed=args.seed, invalid_rows=args.invalid)
    write_holds(args.out, rows)
    if args.manifest_out:
        write_manifest(args.manifest_out, passengers, seed=args.seed)
    if args.answers_out:
        args.answers_out.write_text(json.dumps(scenario.to_json(), ensure_ascii=False, indent=1))
    print(
        f"{args.out}: {scenario.rows} rows, {len(scenario.expected)} planted matches, "
        f"{len(scenario.traps)} traps, {len(scenario.invalid_lines)} invalid rows",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
