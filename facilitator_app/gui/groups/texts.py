"""Texts of the groups screens: scores, group mixes, the engine's reasons, no-show summaries.

All through Qt's translation (context "GroupsTexts"); the engine returns structured
reasons (fields that improve or worsen, people met, sizes) and the words are made here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from facilitator_app.core.groups.assign import LatePlan, NoShowPlan
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.gui.i18n import fmt, number

translate = QCoreApplication.translate  # named so lupdate sees translate("GroupsTexts", "…")


def field_label(name: str) -> str:
    return {"gender": translate("GroupsTexts", "gender"), "age_band": translate("GroupsTexts", "age band"),
            "municipio": translate("GroupsTexts", "municipio"),
            "citizenship": translate("GroupsTexts", "citizenship"),
            "education": translate("GroupsTexts", "education")}.get(name, name)


_VOCAB_KIND = {"gender": "gender", "age_band": "age_bands", "citizenship": "citizenship", "education": "education"}


def value_label(field: str, value: Any, vocab: Vocabularies) -> str:
    if value is None:
        return translate("GroupsTexts", "unknown")
    if field == "municipio":
        return fmt(translate("GroupsTexts", "Mun. %1"), value)
    kind = _VOCAB_KIND.get(field)
    return vocab.label(kind, value) if kind else str(value)


def scores_line(s: Any) -> str:
    return fmt(translate("GroupsTexts", "Mix of the groups: %1 away from the assembly's own mix (the best possible "
                                        "is %2; lower is better). New meetings: %3% of the most possible."),
               number(s.diversity, 2), number(s.diversity_bound, 2), round(100 * s.meeting_relative))


def mix_line(mix: dict[str, dict[Any, int]], vocab: Vocabularies) -> str:
    """A short line for a column header, in words: gender counts and foreign citizens (two lines at most;
    the age bands and the other fields are in the column's tooltip, mix_tooltip)."""
    parts = []
    if "gender" in mix:  # "5 Donna, 5 Uomo": the vocabulary's own words, not letters
        parts.append(", ".join(fmt(translate("GroupsTexts", "%1 %2"), n, value_label("gender", k, vocab))
                               for k, n in sorted(mix["gender"].items(), key=lambda kv: str(kv[0]))))
    if "citizenship" in mix:
        parts.append(fmt(translate("GroupsTexts", "%1 foreign citizens"), mix["citizenship"].get("foreign", 0)))
    return " · ".join(parts)


def mix_tooltip(mix: dict[str, dict[Any, int]], vocab: Vocabularies) -> str:
    lines = []
    for f, counts in mix.items():
        values = ", ".join(f"{value_label(f, v, vocab)} {n}" for v, n in
                           sorted(counts.items(), key=lambda kv: (kv[0] is None, str(kv[0]))))
        lines.append(f"{field_label(f)}: {values}")
    return "\n".join(lines)


def option_reasons(option: Any) -> list[str]:
    """Why a group suits a newcomer, from the engine's structured reasons."""
    out = [fmt(translate("GroupsTexts", "group size %1 → %2"), option.size_before, option.size_after)]
    if option.improved_fields:
        out.append(fmt(translate("GroupsTexts", "better mix of %1"),
                       ", ".join(map(field_label, option.improved_fields))))
    if option.worsened_fields:
        out.append(fmt(translate("GroupsTexts", "less balanced %1"),
                       ", ".join(map(field_label, option.worsened_fields))))
    out.append(fmt(translate("GroupsTexts", "meets %1 new people, %2 already met"), option.new_people,
                   option.repeat_people))
    return out


def placement_text(plan: LatePlan, vocab: Vocabularies) -> str:
    best = plan.placement.options[0]
    group = plan.groups[best.group]
    where = (fmt(translate("GroupsTexts", "%1 (%2)"), group["name"], group["room"]) if group.get("room")
             else group["name"])
    text = fmt(translate("GroupsTexts", "%1 %2 → %3: %4."), plan.member["surname"], plan.member["first_name"], where,
               "; ".join(option_reasons(best)))
    if plan.committed:
        text += " " + translate("GroupsTexts", "Only groups of their committed theme were considered.")
    others = plan.placement.options[1:3]
    if others:
        alt = "; ".join(fmt(translate("GroupsTexts", "%1: %2"), plan.groups[o.group]["name"],
                            ", ".join(option_reasons(o)[:2]))
                        for o in others)
        text += " " + fmt(translate("GroupsTexts", "Next best: %1."), alt)
    return text


def noshow_text(plan: NoShowPlan, names: dict[str, str]) -> str:
    gname = {g["id"]: g["name"] for g in plan.groups}
    lines = []
    if plan.absent:
        lines.append(fmt(translate("GroupsTexts", "Leave the groups: %1."),
                         ", ".join(names.get(m, m) for m in plan.absent)))
    if plan.moves:
        lines.append(translate("GroupsTexts", "To even out the groups these people move:"))
        lines += [fmt(translate("GroupsTexts", "• %1: %2 → %3"), names.get(m, m), gname[a], gname[b])
                  for m, a, b in plan.moves]
    else:
        lines.append(translate("GroupsTexts", "Nobody else moves."))
    if not plan.balanced:
        lines.append(translate("GroupsTexts", "Pins or theme commitments keep some groups larger than the others."))
    lines.append(fmt(translate("GroupsTexts", "Group sizes: %1 → %2"), " ".join(map(str, plan.sizes_before)),
                     " ".join(map(str, plan.sizes_after))))
    return "\n".join(lines)
