import pytest

from wegwijzer.domain.editorial import (
    CONCEPT,
    PUBLISHED,
    REJECTED,
    SUBMITTED,
    Grant,
    NotAllowed,
    check,
    next_status,
    scope_of,
)

IJ = "regions/ijsselland.yaml"
REDACTEUR = [Grant("redacteur", "ijsselland")]
EIND = [Grant("eindredacteur", "ijsselland")]
NATIONAAL = [Grant("eindredacteur", "landelijk")]


def test_a_document_belongs_to_its_region_or_to_the_national_content():
    assert scope_of(IJ) == "ijsselland"
    assert scope_of("national/contacts.yaml") == scope_of("municipalities.yaml") == "landelijk"


@pytest.mark.parametrize("grants,action,path,is_author,status,allowed", [
    (REDACTEUR, "create", IJ, False, None, True),
    (REDACTEUR, "save", IJ, True, CONCEPT, True),
    (REDACTEUR, "submit", IJ, True, CONCEPT, True),
    (REDACTEUR, "submit", IJ, True, REJECTED, True),  # a rejected draft can be edited and submitted again
    (REDACTEUR, "publish", IJ, False, SUBMITTED, False),  # a redacteur does not publish
    (EIND, "publish", IJ, False, SUBMITTED, True),
    (EIND, "publish", IJ, True, SUBMITTED, False),  # four eyes, also for an eindredacteur
    (EIND, "reject", IJ, True, SUBMITTED, False),
    (EIND, "reject", IJ, False, SUBMITTED, True),
    (EIND, "publish", IJ, False, CONCEPT, False),  # only what was submitted
    (EIND, "save", IJ, False, CONCEPT, False),  # only the author changes a draft
    (REDACTEUR, "delete", IJ, True, CONCEPT, True),
    (REDACTEUR, "delete", IJ, True, SUBMITTED, False),
    (REDACTEUR, "create", "regions/twente.yaml", False, None, False),  # another region
    (REDACTEUR, "create", "national/contacts.yaml", False, None, False),
    (NATIONAAL, "publish", IJ, False, SUBMITTED, False),  # a national editor is not a regional one
    (NATIONAAL, "publish", "national/contacts.yaml", False, SUBMITTED, True),
    ([], "view", IJ, False, None, False),
])
def test_who_may_do_what(grants, action, path, is_author, status, allowed):
    if allowed:
        check(grants, action, path, is_author=is_author, status=status)
    else:
        with pytest.raises(NotAllowed):
            check(grants, action, path, is_author=is_author, status=status)


def test_the_states_a_draft_moves_through():
    assert next_status("submit") == SUBMITTED and next_status("publish") == PUBLISHED
    assert next_status("reject") == REJECTED and next_status("save") == CONCEPT
