"""Departments of a software company and the designations within each."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Department:
    name: str
    share: float
    head_title: str
    lead_title: str
    member_titles: tuple[str, ...]


HR_DEPARTMENT = "Human Resources"
DEPARTMENTS: tuple[Department, ...] = (
    Department(
        "Engineering",
        0.45,
        "Engineering Manager",
        "Tech Lead",
        ("Associate Software Engineer", "Software Engineer", "Senior Software Engineer"),
    ),
    Department(
        "Quality Assurance",
        0.11,
        "QA Manager",
        "QA Lead",
        ("Associate QA Engineer", "QA Engineer", "Senior QA Engineer"),
    ),
    Department(
        "DevOps",
        0.05,
        "DevOps Manager",
        "DevOps Lead",
        ("DevOps Engineer", "Senior DevOps Engineer"),
    ),
    Department(
        "Data",
        0.06,
        "Head of Data",
        "Lead Data Engineer",
        ("Data Engineer", "Data Scientist", "Senior Data Engineer"),
    ),
    Department(
        "Design",
        0.06,
        "Design Manager",
        "Lead Designer",
        ("UI/UX Designer", "Senior UI/UX Designer"),
    ),
    Department(
        "Product",
        0.05,
        "Head of Product",
        "Lead Product Manager",
        ("Associate Product Manager", "Product Manager"),
    ),
    Department(
        "Project Management",
        0.04,
        "Head of Delivery",
        "Senior Project Manager",
        ("Project Coordinator", "Project Manager"),
    ),
    Department(
        HR_DEPARTMENT,
        0.04,
        "HR Manager",
        "HR Lead",
        ("HR Officer", "Talent Acquisition Specialist"),
    ),
    Department(
        "Finance", 0.03, "Finance Manager", "Finance Lead", ("Accountant", "Finance Officer")
    ),
    Department(
        "Sales and Marketing",
        0.04,
        "Head of Sales",
        "Marketing Lead",
        ("Business Development Executive", "Marketing Specialist"),
    ),
    Department(
        "Operations",
        0.07,
        "Operations Manager",
        "Operations Lead",
        ("Admin Officer", "IT Support Engineer", "Office Assistant"),
    ),
)


def designation_titles() -> tuple[str, ...]:
    """Every designation in a stable order; a title's designationId is its position + 1."""
    titles: list[str] = []
    for department in DEPARTMENTS:
        for title in (department.head_title, department.lead_title, *department.member_titles):
            if title not in titles:
                titles.append(title)
    return tuple(titles)
