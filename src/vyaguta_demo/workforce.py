"""The demo company's people: departments, designations, managers, e-mails, allocations."""

from dataclasses import dataclass
from typing import Any

import numpy as np

from vyaguta_demo.departments import DEPARTMENTS, HR_DEPARTMENT, Department, designation_titles
from vyaguta_demo.vocabulary import (
    EMAIL_DOMAIN,
    EMAIL_TAGS,
    FEMALE_FIRST_NAMES,
    FEMALE_MIDDLE_NAMES,
    LAST_NAMES,
    MALE_FIRST_NAMES,
    MALE_MIDDLE_NAMES,
    PROJECTS,
)

FEMALE_SHARE = 0.38
NO_MIDDLE_NAME_SHARE = 0.6
TAGGED_EMAIL_SHARE = 0.04
NO_MANAGER_SHARE = 0.02
NO_ALLOCATION_SHARE = 0.12
PEOPLE_PER_LEAD = 9


@dataclass(frozen=True, slots=True)
class Employee:
    index: int
    user_id: int
    emp_id: int
    first_name: str
    middle_name: str | None
    last_name: str
    email: str
    is_female: bool
    department: str
    designation_id: int
    designation_name: str
    is_hr: bool
    is_supervisor: bool
    manager: int | None
    issuer: int
    allocations: list[dict[str, Any]] | None


@dataclass(frozen=True, slots=True)
class Workforce:
    employees: tuple[Employee, ...]
    supervisors: np.ndarray
    female: np.ndarray
    leave_propensity: np.ndarray


def department_headcounts(size: int) -> list[int]:
    counts = [max(1, round(department.share * size)) for department in DEPARTMENTS]
    counts[0] += size - sum(counts)
    return counts


def hire_workforce(size: int, rng: np.random.Generator) -> Workforce:
    titles = designation_titles()
    people: list[dict[str, Any]] = []
    for department, headcount in zip(DEPARTMENTS, department_headcounts(size), strict=True):
        people.extend(staff_department(department, headcount, len(people), rng))
    hr_head = next(p["index"] for p in people if p["department"] == HR_DEPARTMENT)
    emp_ids = 1001 + rng.permutation(len(people) * 2)[: len(people)]
    emails: set[str] = set()
    employees = []
    for person, emp_id in zip(people, emp_ids.tolist(), strict=True):
        female = bool(rng.random() < FEMALE_SHARE)
        first, middle, last = pick_name(female, rng)
        manager = person["manager"]
        fallback_issuer = hr_head if person["index"] != hr_head else 0
        employees.append(
            Employee(
                index=person["index"],
                user_id=person["index"] + 1,
                emp_id=emp_id,
                first_name=first,
                middle_name=middle,
                last_name=last,
                email=unique_email(first, last, emails, rng),
                is_female=female,
                department=person["department"],
                designation_id=titles.index(person["title"]) + 1,
                designation_name=person["title"],
                is_hr=person["department"] == HR_DEPARTMENT,
                is_supervisor=person["supervisor"],
                manager=manager,
                issuer=manager if manager is not None else fallback_issuer,
                allocations=pick_allocations(rng),
            )
        )
    return Workforce(
        employees=tuple(employees),
        supervisors=np.array([e.index for e in employees if e.is_supervisor]),
        female=np.array([e.is_female for e in employees]),
        leave_propensity=rng.gamma(4.0, 0.25, len(employees)),
    )


def staff_department(
    department: Department, headcount: int, first_index: int, rng: np.random.Generator
) -> list[dict[str, Any]]:
    """A head, a few leads reporting to the head, and members reporting to a lead."""
    head = first_index
    lead_count = min(headcount - 1, max(1, round(headcount / PEOPLE_PER_LEAD)))
    leads = list(range(head + 1, head + 1 + lead_count))
    staff = [{"index": head, "title": department.head_title, "supervisor": True, "manager": None}]
    staff += [
        {"index": i, "title": department.lead_title, "supervisor": True, "manager": head}
        for i in leads
    ]
    for index in range(head + 1 + lead_count, head + headcount):
        has_manager = rng.random() >= NO_MANAGER_SHARE
        staff.append(
            {
                "index": index,
                "title": department.member_titles[rng.integers(len(department.member_titles))],
                "supervisor": False,
                "manager": leads[rng.integers(len(leads))] if has_manager else None,
            }
        )
    for person in staff:
        person["department"] = department.name
    return staff


def pick_name(female: bool, rng: np.random.Generator) -> tuple[str, str | None, str]:
    firsts = FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES
    middles = FEMALE_MIDDLE_NAMES if female else MALE_MIDDLE_NAMES
    middle = None if rng.random() < NO_MIDDLE_NAME_SHARE else middles[rng.integers(len(middles))]
    return firsts[rng.integers(len(firsts))], middle, LAST_NAMES[rng.integers(len(LAST_NAMES))]


def unique_email(first: str, last: str, taken: set[str], rng: np.random.Generator) -> str:
    local = f"{first}.{last}".lower()
    candidate, number = local, 1
    while candidate in taken:
        number += 1
        candidate = f"{local}{number}"
    taken.add(candidate)
    if rng.random() < TAGGED_EMAIL_SHARE:
        candidate = f"{candidate}+{EMAIL_TAGS[rng.integers(len(EMAIL_TAGS))]}"
    return f"{candidate}@{EMAIL_DOMAIN}"


def pick_allocations(rng: np.random.Generator) -> list[dict[str, Any]] | None:
    if rng.random() < NO_ALLOCATION_SHARE:
        return None
    chosen = rng.choice(len(PROJECTS), size=int(rng.integers(1, 3)), replace=False)
    return [
        {"id": PROJECTS[i][0], "name": PROJECTS[i][1], "type": PROJECTS[i][2]}
        for i in sorted(chosen)
    ]
