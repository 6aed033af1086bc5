"""The codebook's contact types and which of them can describe the same contact.

Codebook 2: `meeting`, `visit` and `summit` are one in-person class (a trip on which the visitor
meets the host is one contact, whichever word the text uses); `phone_call` and `message` are
classes of their own; `other` (an unspecified contact) can be any of them. Used by the extraction
(a contact and its later report in the same article), the events stage and the gate.
"""

from __future__ import annotations

TYPE_CLASS = {
    "phone_call": "phone",
    "message": "message",
    "meeting": "in_person",
    "visit": "in_person",
    "summit": "in_person",
    "other": "any",
}


def types_compatible(a: str, b: str) -> bool:
    """Two type classes (TYPE_CLASS values) can describe the same contact; `any` joins every class."""
    return a == b or "any" in (a, b)


def same_contact_class(type_a: str, type_b: str) -> bool:
    """Two contact types (TYPE_CLASS keys) can describe the same contact."""
    return types_compatible(TYPE_CLASS.get(type_a, type_a), TYPE_CLASS.get(type_b, type_b))
