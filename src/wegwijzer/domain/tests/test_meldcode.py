"""The afwegingskader state machine and the derived status of a case, every branch enumerated."""

import pytest

from wegwijzer.domain.meldcode import (
    InvalidTransition,
    Record,
    check_afweging,
    consent_by,
    derive_status,
    weigh,
)

Y, N = True, False


@pytest.mark.parametrize("answers,next_,melden,reasons,help_,close", [
    ({}, 1, False, (), False, False),
    ({1: N}, None, False, (), False, True),                       # no suspicion: close and record
    ({1: Y}, 2, False, (), False, False),
    ({1: Y, 2: Y}, 3, True, (2,), False, False),                  # acute/structural: melden, 3-5 with VT
    ({1: Y, 2: N}, 3, False, (), False, False),
    ({1: Y, 2: N, 3: N}, None, True, (3,), False, False),         # no effective help possible
    ({1: Y, 2: N, 3: Y}, 4, False, (), False, False),
    ({1: Y, 2: N, 3: Y, 4: N}, None, True, (4,), False, False),   # help not accepted
    ({1: Y, 2: N, 3: Y, 4: Y}, 5, False, (), True, False),
    ({1: Y, 2: N, 3: Y, 4: Y, 5: N}, None, True, (5,), True, False),  # no lasting safety
    ({1: Y, 2: N, 3: Y, 4: Y, 5: Y}, None, False, (), True, False),   # continue help, monitor safety
    ({1: Y, 2: Y, 3: Y, 4: Y, 5: Y}, None, True, (2,), True, False),
    ({1: Y, 2: Y, 3: N}, None, True, (2, 3), False, False),
])
def test_every_branch_of_the_afwegingskader(answers, next_, melden, reasons, help_, close):
    w = weigh(answers)
    assert (w.next, w.melden, w.melden_reasons, w.help, w.close) == (next_, melden, reasons, help_, close)
    assert w.together_with_vt == answers.get(2, False)


@pytest.mark.parametrize("answers,number,expected", [
    ({}, 2, "beantwoord eerst afweging 1"),
    ({1: Y}, 3, "beantwoord eerst afweging 2"),
    ({1: N}, 2, "al afgerond"),
    ({1: Y, 2: N, 3: N}, 4, "al afgerond"),
    ({}, 7, "1 tot en met 5"),
])
def test_an_afweging_out_of_turn_is_refused(answers, number, expected):
    with pytest.raises(InvalidTransition) as info:
        check_afweging(answers, number)
    assert expected in info.value.message_nl and info.value.message_en


def test_answers_past_the_end_are_an_error():
    with pytest.raises(InvalidTransition):
        weigh({1: N, 2: Y})


def rec(kind, **data):
    return Record(kind, data)


FULL = [rec("signal"), rec("consultation"), rec("conversation")]


@pytest.mark.parametrize("records,code,step", [
    ([], "signals", 1),
    ([rec("signal")], "consultation", 2),
    ([rec("signal"), rec("consultation")], "conversation", 3),
    ([rec("signal"), rec("consultation"), rec("no_conversation")], "weighing", 4),
    (FULL + [rec("afweging", number=1, answer=Y)], "weighing", 4),
    (FULL + [rec("afweging", number=1, answer=N)], "close", 4),
    (FULL + [rec("afweging", number=1, answer=Y), rec("afweging", number=2, answer=N),
             rec("afweging", number=3, answer=N)], "melden", 5),
    (FULL + [rec("afweging", number=1, answer=Y), rec("afweging", number=2, answer=N),
             rec("afweging", number=3, answer=N), rec("melding")], "decided", 5),
    (FULL + [rec("afweging", number=n, answer=Y) for n in (1, 3, 4, 5)] + [rec("afweging", number=2, answer=N)],
     "help", 5),
    (FULL + [rec("afweging", number=n, answer=Y) for n in (1, 3, 4, 5)] + [rec("afweging", number=2, answer=N),
                                                                           rec("help")], "decided", 5),
    ([rec("signal"), rec("close")], "closed", 0),
    ([rec("signal"), rec("close"), rec("reopen")], "consultation", 2),
])
def test_status_is_derived_from_the_records(records, code, step):
    status = derive_status(records)
    assert (status.code, status.step) == (code, step)
    assert status.closed == (code == "closed")


def test_a_corrected_first_afweging_lets_later_answers_lapse():
    records = FULL + [rec("afweging", number=1, answer=N), rec("afweging", number=2, answer=Y)]
    status = derive_status(records)
    assert status.weighing.close and status.code == "close"


def test_consent_for_comensha_registration():
    assert consent_by(15) == "ouders-of-voogd"
    assert consent_by(16) == "betrokkene"
    assert consent_by(None) == "betrokkene"
