"""Errors of the core in the interface language.

The core raises `CoreError`s (core/errors.py): an English sentence as `str(exc)`,
a stable `code` and the values of the sentence in `params`. `error_text(exc)`
words a known code with its template here (context "CoreErrors" in the .ts),
filling %1, %2 … from `params` in the order listed; an error without a known
code (or any other exception) is shown as it is.

Every code the core raises has a template here (tests/gui/test_errors.py checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from facilitator_app.core.errors import CoreError
from facilitator_app.gui.i18n import fmt

CONTEXT = "CoreErrors"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# code -> (English template, the params that fill %1, %2 …)
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    # -- something that is no longer there (deleted meanwhile, or on another laptop)
    "no_plenary": (QT_TRANSLATE_NOOP("CoreErrors", "This plenary no longer exists (it may have been deleted "
                                                   "in the meantime)."), ()),
    "no_session": (QT_TRANSLATE_NOOP("CoreErrors", "This session no longer exists (it may have been deleted "
                                                   "in the meantime)."), ()),
    "no_agenda_item": (QT_TRANSLATE_NOOP("CoreErrors", "This agenda item no longer exists (it may have been "
                                                       "deleted in the meantime)."), ()),
    "no_person": (QT_TRANSLATE_NOOP("CoreErrors", "This person is no longer among the plenary's people (they "
                                                  "may have been removed in the meantime)."), ()),
    "no_member": (QT_TRANSLATE_NOOP("CoreErrors", "This member no longer exists (they may have been deleted "
                                                  "in the meantime)."), ()),
    "no_group": (QT_TRANSLATE_NOOP("CoreErrors", "This group no longer exists (it may have been deleted "
                                                 "in the meantime)."), ()),
    "no_theme": (QT_TRANSLATE_NOOP("CoreErrors", "This theme no longer exists (it may have been deleted "
                                                 "in the meantime)."), ()),
    "no_category": (QT_TRANSLATE_NOOP("CoreErrors", "This category no longer exists (it may have been deleted "
                                                    "in the meantime)."), ()),
    "no_cluster": (QT_TRANSLATE_NOOP("CoreErrors", "This cluster no longer exists (it may have been deleted "
                                                   "in the meantime)."), ()),
    "no_note": (QT_TRANSLATE_NOOP("CoreErrors", "This note no longer exists (it may have been deleted "
                                                "in the meantime)."), ()),
    "no_recommendation": (QT_TRANSLATE_NOOP("CoreErrors", "This recommendation no longer exists (it may have "
                                                          "been deleted in the meantime)."), ()),
    # -- plenaries, sessions, agenda, people
    "bad_time": (QT_TRANSLATE_NOOP("CoreErrors", "%1: write the time as HH:MM, for example 09:30 (not “%2”)."),
                 ("what", "value")),
    "ends_before_start": (QT_TRANSLATE_NOOP("CoreErrors", "%1: the end (%2) must come after the start (%3)."),
                          ("what", "ends_at", "starts_at")),
    "bad_date": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a valid date."), ("value",)),
    "bad_plenary_number": (QT_TRANSLATE_NOOP("CoreErrors", "The plenary number must be a whole number, 1 or more "
                                                           "(not “%1”)."), ("value",)),
    "duplicate_plenary_number": (QT_TRANSLATE_NOOP("CoreErrors", "Plenary %1 already exists: choose another "
                                                                 "number."), ("number",)),
    "bad_plenary_status": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a status of a plenary."), ("value",)),
    "session_name_required": (QT_TRANSLATE_NOOP("CoreErrors", "A session needs a name."), ()),
    "agenda_title_required": (QT_TRANSLATE_NOOP("CoreErrors", "An agenda item needs a title."), ()),
    "session_not_in_plenary": (QT_TRANSLATE_NOOP("CoreErrors", "This session is not part of this plenary."), ()),
    "bad_role": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a role this app knows."), ("value",)),
    "person_name_required": (QT_TRANSLATE_NOOP("CoreErrors", "Write the person's name."), ()),
    "session_has_attendance": (QT_TRANSLATE_NOOP("CoreErrors", "This session already has attendance records, so "
                                                               "it cannot be deleted."), ()),
    "plenary_has_attendance": (QT_TRANSLATE_NOOP("CoreErrors", "This plenary already has attendance records, so "
                                                               "it cannot be deleted."), ()),
    # -- attendance
    "bad_late_minutes": (QT_TRANSLATE_NOOP("CoreErrors", "The minutes after which an arrival is late must be a "
                                                         "whole number, 0 or more."), ()),
    "bad_followup_streak": (QT_TRANSLATE_NOOP("CoreErrors", "The number of absences in a row that calls for a "
                                                            "follow-up must be a whole number, 1 or more."), ()),
    "bad_followup_rate": (QT_TRANSLATE_NOOP("CoreErrors", "The minimum attendance rate must be between 0% and "
                                                          "100%."), ()),
    "who_required": (QT_TRANSLATE_NOOP("CoreErrors", "Choose a member or a person first."), ()),
    "unknown_badge": (QT_TRANSLATE_NOOP("CoreErrors", "No member has the badge %1."), ("badge",)),
    "not_in_office": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not in office on this date; confirm to check them in "
                                                      "anyway."), ("name",)),
    "not_checked_in": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not checked in for this session."), ("name",)),
    "absence_reason_required": (QT_TRANSLATE_NOOP("CoreErrors", "A justified absence needs a reason."), ()),
    "choose_a_session": (QT_TRANSLATE_NOOP("CoreErrors", "Choose at least one session."), ()),
    "absent_but_checked_in": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is checked in for “%2”: undo the check-in "
                                                              "first."), ("name", "session")),
    # -- groups
    "group_name_required": (QT_TRANSLATE_NOOP("CoreErrors", "A group needs a name."), ()),
    "bad_capacity": (QT_TRANSLATE_NOOP("CoreErrors", "The places of a group must be a whole number, 1 or more "
                                                     "(not “%1”)."), ("value",)),
    "no_groups_to_copy": (QT_TRANSLATE_NOOP("CoreErrors", "The other plenary has no groups to copy."), ()),
    "group_of_another_scope": (QT_TRANSLATE_NOOP("CoreErrors", "This group belongs to another plenary or "
                                                               "session."), ()),
    "not_seated": (QT_TRANSLATE_NOOP("CoreErrors", "This member is not in any group of this plenary."), ()),
    "unknown_group_fields": (QT_TRANSLATE_NOOP("CoreErrors", "Unknown fields: %1. Choose among %2."),
                             ("fields", "choices")),
    "bad_weights": (QT_TRANSLATE_NOOP("CoreErrors", "Weights must be numbers, 0 or more (%1)."), ("fields",)),
    "too_few_groups": (QT_TRANSLATE_NOOP("CoreErrors", "The number of groups must be at least 1."), ()),
    "no_groups_give_a_number": (QT_TRANSLATE_NOOP("CoreErrors", "This plenary has no groups yet: create them, or "
                                                                "say how many groups to form."), ()),
    "fewer_than_existing_groups": (QT_TRANSLATE_NOOP("CoreErrors", "This plenary already has %1 groups: remove "
                                                                   "some first, or ask for %1."), ("groups",)),
    "nobody_checked_in": (QT_TRANSLATE_NOOP("CoreErrors", "Nobody to put in groups: no member is checked in yet. "
                                                          "Group the people expected instead."), ()),
    "nobody_expected": (QT_TRANSLATE_NOOP("CoreErrors", "Nobody is expected at this plenary."), ()),
    "more_groups_than_people": (QT_TRANSLATE_NOOP("CoreErrors", "More groups (%1) than people (%2): ask for fewer "
                                                                "groups."), ("groups", "people")),
    "groups_changed": (QT_TRANSLATE_NOOP("CoreErrors", "The groups changed after this arrangement was computed: "
                                                       "compute it again."), ()),
    "no_groups_yet": (QT_TRANSLATE_NOOP("CoreErrors", "This plenary has no groups yet."), ()),
    "duplicate_person": (QT_TRANSLATE_NOOP("CoreErrors", "The same person appears twice among the people to "
                                                         "group."), ()),
    "capacities_too_small": (QT_TRANSLATE_NOOP("CoreErrors", "The groups have too few places for these people "
                                                             "and their theme commitments."), ()),
    "pinned_not_grouped": (QT_TRANSLATE_NOOP("CoreErrors", "Someone pinned or committed to a theme is not among "
                                                           "the people to group."), ()),
    "capacities_mismatch": (QT_TRANSLATE_NOOP("CoreErrors", "The places do not match the groups."), ()),
    "commitment_without_group": (QT_TRANSLATE_NOOP("CoreErrors", "Someone is committed to a theme that no group "
                                                                 "has."), ()),
    "pin_to_missing_group": (QT_TRANSLATE_NOOP("CoreErrors", "Someone is pinned to a group that no longer "
                                                             "exists."), ()),
    "capacity_below_people": (QT_TRANSLATE_NOOP("CoreErrors", "All the groups together have fewer places than "
                                                              "there are people."), ()),
    "no_admissible_group": (QT_TRANSLATE_NOOP("CoreErrors", "No group can take this person: the groups are full "
                                                            "or not on their theme."), ()),
    # -- notes, clusters, categories, votes
    "note_text_required": (QT_TRANSLATE_NOOP("CoreErrors", "Write something first: an empty note is not "
                                                           "saved."), ()),
    "not_a_note_field": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a field of a note."), ("field",)),
    "group_not_in_plenary": (QT_TRANSLATE_NOOP("CoreErrors", "The group “%1” is not part of this plenary."),
                             ("group",)),
    "bad_vote_target": (QT_TRANSLATE_NOOP("CoreErrors", "A dot vote goes on a note or a cluster."), ()),
    "bad_vote_delta": (QT_TRANSLATE_NOOP("CoreErrors", "A dot vote adds or takes away one dot."), ()),
    "category_name_required": (QT_TRANSLATE_NOOP("CoreErrors", "A category needs a name."), ()),
    "duplicate_category": (QT_TRANSLATE_NOOP("CoreErrors", "The category “%1” already exists."), ("name",)),
    # -- recommendations
    "not_a_recommendation_field": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a field of a recommendation."),
                                   ("field",)),
    "recommendation_title_required": (QT_TRANSLATE_NOOP("CoreErrors", "A recommendation needs a title."), ()),
    "bad_recommendation_status": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a status of a recommendation."),
                                  ("value",)),
    "bad_vote_count": (QT_TRANSLATE_NOOP("CoreErrors", "Votes are whole numbers, 0 or more (not “%1”)."),
                       ("value",)),
    "votes_exceed_present": (QT_TRANSLATE_NOOP("CoreErrors", "%1 votes, but only %2 members entitled to vote "
                                                             "were checked in."), ("total", "present")),
    "vote_count_required": (QT_TRANSLATE_NOOP("CoreErrors", "To record the vote, write the votes for, against "
                                                            "and abstentions (0 if none)."), ()),
    "empty_cluster": (QT_TRANSLATE_NOOP("CoreErrors", "The cluster has no notes to turn into a "
                                                      "recommendation."), ()),
    # -- photos
    "photo_empty": (QT_TRANSLATE_NOOP("CoreErrors", "The image is empty."), ()),
    "photo_too_large": (QT_TRANSLATE_NOOP("CoreErrors", "The photo is too large (%1 KB, at most %2 KB): shrink it "
                                                        "first."), ("kb", "max_kb")),
    "photo_not_jpeg_or_png": (QT_TRANSLATE_NOOP("CoreErrors", "The file is not a JPEG or PNG image."), ()),
    "photo_bad_size": (QT_TRANSLATE_NOOP("CoreErrors", "The width and height of a photo must be whole numbers, 1 "
                                                       "or more."), ()),
    # -- themes and Plan actions
    "bad_action_code": (QT_TRANSLATE_NOOP("CoreErrors", "Write the action code as numbers with dots, like 5.1.4 "
                                                        "(not “%1”)."), ("value",)),
    "duplicate_action": (QT_TRANSLATE_NOOP("CoreErrors", "Action %1 already exists."), ("action",)),
    "theme_name_required": (QT_TRANSLATE_NOOP("CoreErrors", "A theme needs a name."), ()),
    "not_a_tag_list": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a list of themes or Plan actions."),
                       ("table",)),
    # -- minutes
    "bad_section": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a section of the minutes."), ("value",)),
    # -- the assembly file
    "no_assembly_file": (QT_TRANSLATE_NOOP("CoreErrors", "There is no assembly file at %1."), ("path",)),
    "no_wal": (QT_TRANSLATE_NOOP("CoreErrors", "%1 cannot be opened for safe writing (WAL mode): the folder may be "
                                               "read-only or on a network drive."), ("path",)),
    "not_an_assembly": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not an assembly file of this app."), ("path",)),
    "newer_schema": (QT_TRANSLATE_NOOP("CoreErrors", "This assembly file was made by a newer version of the app. "
                                                     "Update the app to open it; the file was not changed."), ()),
    # -- encryption (core/store.py, core/privacy)
    "passphrase_required": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is encrypted (or is not an assembly file): its "
                                                            "passphrase is needed. The file was not changed."),
                            ("path",)),
    "wrong_passphrase": (QT_TRANSLATE_NOOP("CoreErrors", "The passphrase is wrong, or %1 is damaged or not an "
                                                         "assembly file. The file was not changed."), ("path",)),
    "damaged_file": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is damaged (%2): open one of its backups instead. The file was not "
                                                     "changed."), ("path", "detail")),
    "passphrase_invalid": (QT_TRANSLATE_NOOP("CoreErrors", "The passphrase cannot contain a NUL character."), ()),
    "passphrase_too_short": (QT_TRANSLATE_NOOP("CoreErrors", "The passphrase must be at least %1 characters "
                                                             "long."), ("minimum",)),
    "no_sqlcipher": (QT_TRANSLATE_NOOP("CoreErrors", "This installation cannot open encrypted files (the "
                                                     "sqlcipher3 component is missing)."), ()),
    "file_in_use": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is open in a window of the app; close it first. Nothing "
                                                    "was changed."), ("path",)),
    "encrypt_source_missing": (QT_TRANSLATE_NOOP("CoreErrors", "%1 does not exist; nothing was changed."),
                               ("path",)),
    "encrypt_source_empty": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is empty; nothing was changed."), ("path",)),
    "encrypt_source_encrypted": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is already encrypted (or is not an SQLite "
                                                                 "file); nothing was changed."), ("path",)),
    "encrypt_target_exists": (QT_TRANSLATE_NOOP("CoreErrors", "%1 already exists; choose a new file name. Nothing "
                                                              "was changed."), ("path",)),
    "encrypt_failed": (QT_TRANSLATE_NOOP("CoreErrors", "%1 could not be encrypted (%2). Nothing was changed."),
                       ("path", "reason")),
    "encrypt_verify_failed": (QT_TRANSLATE_NOOP("CoreErrors", "The encrypted copy did not match the original "
                                                              "(%1); the original file was kept."), ("detail",)),
    "not_encrypted": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not encrypted: encrypt it first."), ("path",)),
    "same_passphrase": (QT_TRANSLATE_NOOP("CoreErrors", "The new passphrase is the same as the current one."), ()),
    # -- retention, what laptops receive, backups (core/privacy)
    "negative_retention": (QT_TRANSLATE_NOOP("CoreErrors", "The retention period cannot be negative (%1 months)."),
                           ("months",)),
    "unknown_include": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not something the laptops can receive; choose "
                                                        "among %2."), ("value", "choices")),
    "backup_failed": (QT_TRANSLATE_NOOP("CoreErrors", "No backup could be written in %1 (%2). The assembly file "
                                                      "is not affected."), ("folder", "reason")),
    "backup_in_memory": (QT_TRANSLATE_NOOP("CoreErrors", "This assembly is not saved in a file, so it has no "
                                                         "backups."), ()),
    "backup_needs_passphrase": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is encrypted: give the passphrase the file "
                                                                "had when the backup was made."), ("name",)),
    "backup_unreadable": (QT_TRANSLATE_NOOP("CoreErrors", "%1 cannot be read: wrong passphrase, or the backup is "
                                                          "damaged. Nothing was written."), ("name",)),
    "no_backup": (QT_TRANSLATE_NOOP("CoreErrors", "There is no backup called %1."), ("name",)),
    "restore_target_exists": (QT_TRANSLATE_NOOP("CoreErrors", "%1 already exists: restore into a new file. Nothing "
                                                              "was written."), ("path",)),
    "restore_verify_failed": (QT_TRANSLATE_NOOP("CoreErrors", "The copy restored from %1 did not pass its check (%2); "
                                                              "nothing was written."), ("name", "detail")),
    # -- exchange packages
    "nothing_to_send": (QT_TRANSLATE_NOOP("CoreErrors", "This file has no assembly yet: there is nothing to "
                                                        "send."), ()),
    "package_not_written": (QT_TRANSLATE_NOOP("CoreErrors", "Could not write %1 (%2). Nothing was written."),
                            ("path", "reason")),
    "prepared_plenary_gone": (QT_TRANSLATE_NOOP("CoreErrors", "%1 was prepared for a plenary that no longer "
                                                              "exists: prepare the laptops again."), ("destination",)),
    "package_foreign": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not an exchange package of this app. Nothing was "
                                                        "imported."), ("file",)),
    "package_damaged": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is damaged or incomplete (perhaps the copy was "
                                                        "interrupted). Copy it again from the laptop that made it. "
                                                        "Nothing was imported."), ("file",)),
    "package_newer": (QT_TRANSLATE_NOOP("CoreErrors", "%1 was made by a newer version of the app. Update this app "
                                                      "to import it. Nothing was imported."), ("file",)),
    "package_other_assembly": (QT_TRANSLATE_NOOP("CoreErrors", "%1 belongs to another assembly (%2). Nothing was "
                                                               "imported."), ("file", "other")),
    "package_wrong_key": (QT_TRANSLATE_NOOP("CoreErrors", "%1 was encrypted with another key: another assembly's, "
                                                          "or another passphrase. Nothing was imported."), ("file",)),
    "package_not_encrypted": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not encrypted, and this assembly file takes "
                                                              "only encrypted packages. Nothing was imported."),
                              ("file",)),
    "package_needs_key": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is encrypted: import it into an encrypted assembly "
                                                          "file opened with the assembly's passphrase. Nothing was "
                                                          "imported."), ("file",)),
    "package_unreadable": (QT_TRANSLATE_NOOP("CoreErrors", "%1 cannot be read. Nothing was imported."), ("file",)),
    "package_same_name_other_assembly": (QT_TRANSLATE_NOOP(
        "CoreErrors", "%1 belongs to another assembly that is also called “%2”: that one was created on %3 on the "
                      "laptop “%4”, the one open here on %5 on “%6”. They are two different assemblies; import the "
                      "package into the file it comes from. Nothing was imported."),
        ("file", "other", "created", "laptop", "here_created", "here_laptop")),
    "package_invalid_value": (QT_TRANSLATE_NOOP(
        "CoreErrors", "%1 cannot be imported: in the table %2 the field %3 holds “%4”, which %5. The laptop that "
                      "made it has a damaged or hand-edited file. Nothing was imported."),
        ("file", "table", "field", "value", "reason")),
    "package_too_large": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is far larger once unpacked than a package can be, "
                                                          "so it was not opened. Nothing was imported."), ("file",)),
    "packages_of_several_assemblies": (QT_TRANSLATE_NOOP("CoreErrors", "These packages belong to different "
                                                                       "assemblies: import each into its own "
                                                                       "file. Nothing was imported."), ()),
    "not_a_folder": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not a folder."), ("folder",)),
    "no_packages_in_folder": (QT_TRANSLATE_NOOP("CoreErrors", "There are no packages (.assemblea) in %1."),
                              ("folder",)),
    "no_importable_packages": (QT_TRANSLATE_NOOP("CoreErrors", "None of the packages in the folder could be "
                                                               "imported."), ()),
    "no_plenary_numbered": (QT_TRANSLATE_NOOP("CoreErrors", "There is no plenary %1."), ("plenary",)),
    "plenary_number_ambiguous": (QT_TRANSLATE_NOOP("CoreErrors", "There are %1 plenaries numbered %2 (two laptops "
                                                                 "each created one): %3. Give one of them another "
                                                                 "number (Conflicts)."),
                                 ("count", "number", "candidates")),
    # -- the sync folder
    "sync_folder_invalid": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not a folder: choose an existing folder."),
                            ("folder",)),
    "sync_folder_read_only": (QT_TRANSLATE_NOOP("CoreErrors", "This laptop cannot write into %1: choose a folder "
                                                              "it can write to."), ("folder",)),
    # -- importing a roster
    "roster_no_file": (QT_TRANSLATE_NOOP("CoreErrors", "There is no file at %1."), ("path",)),
    "roster_is_a_folder": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is a folder, not a spreadsheet."), ("path",)),
    "roster_cannot_open": (QT_TRANSLATE_NOOP("CoreErrors", "Could not open %1 (%2)."), ("path", "reason")),
    "roster_empty": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is empty."), ("file",)),
    "roster_protected_or_xls": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is password-protected or in the old Excel "
                                                                "97-2003 (.xls) format. Open it in Excel, remove the "
                                                                "password and save it as .xlsx (or .csv), then "
                                                                "import it again."), ("file",)),
    "roster_ods": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is an OpenDocument spreadsheet: save it as .xlsx or .csv "
                                                   "first."), ("file",)),
    "roster_damaged_xlsx": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” cannot be read as an Excel workbook: the file "
                                                            "is damaged or not really an .xlsx file."), ("file",)),
    "roster_no_such_sheet": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” has no sheet named “%2” (its sheets: %3)."),
                             ("file", "sheet", "sheets")),
    "roster_no_worksheet": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” contains no worksheet."), ("file",)),
    "roster_not_a_table": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a spreadsheet or CSV file."), ("file",)),
    "roster_bad_csv": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a readable CSV file."), ("file",)),
    "roster_duplicate_headers": (QT_TRANSLATE_NOOP("CoreErrors", "Nothing was imported: some columns have the same "
                                                                 "header (%1). Say which field each one is."),
                                 ("columns",)),
    "roster_only_hidden_sheets": (QT_TRANSLATE_NOOP("CoreErrors", "In “%1” the only sheets with people are hidden "
                                                                  "(%2). Hidden sheets are imported only when you "
                                                                  "choose one."), ("file", "sheets")),
    "roster_several_sheets": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” has %2 sheets with people (%3). Choose the sheet "
                                                              "to import; nothing was imported."),
                              ("file", "count", "sheets")),
    "roster_too_large": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is too large for a roster."), ("file",)),
    "roster_too_wide": (QT_TRANSLATE_NOOP("CoreErrors", "The file has far more columns than a roster can have."),
                        ()),
    "roster_unknown_field": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” (for the column “%2”) is not a member field."),
                             ("field", "header")),
    "roster_zip_bomb": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” would take %2 bytes once unpacked, far more than a "
                                                        "roster: it was not opened."), ("file", "size")),
    "roster_no_data": (QT_TRANSLATE_NOOP("CoreErrors", "The file contains no data."), ()),
    "roster_no_header": (QT_TRANSLATE_NOOP("CoreErrors", "No header row in the first %1 rows: the roster needs "
                                                         "columns for surname and first name (for example "
                                                         "“Cognome” and “Nome”)."), ("rows",)),
    "roster_already_imported": (QT_TRANSLATE_NOOP("CoreErrors", "This preview has already been imported: preview "
                                                                "the file again."), ()),
    "roster_members_changed": (QT_TRANSLATE_NOOP("CoreErrors", "The members changed after the preview was made, "
                                                               "so nothing was imported. Preview the file again."),
                               ()),
    "roster_not_written": (QT_TRANSLATE_NOOP("CoreErrors", "Could not write to the assembly file (%1), so nothing "
                                                           "was imported."), ("reason",)),
    # -- follow-up: sending, answers, monitoring, Milano Partecipa files
    "followup_not_approved": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is still a draft: only approved recommendations "
                                                              "are followed up."), ("title",)),
    "followup_date_required": (QT_TRANSLATE_NOOP("CoreErrors", "A date is required."), ()),
    "followup_bad_date": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a date: write it as 31/03/2024."),
                          ("value",)),
    "followup_future_date": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is in the future: record what has already "
                                                             "happened."), ("value",)),
    "followup_bad_link": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a web address: it must begin with https:// "
                                                          "or http://."), ("value",)),
    "followup_text_required": (QT_TRANSLATE_NOOP("CoreErrors", "Write a text: it cannot be empty."), ()),
    "followup_text_too_long": (QT_TRANSLATE_NOOP("CoreErrors", "The text is too long: at most %1 characters (it has "
                                                               "%2)."), ("limit", "length")),
    "followup_bad_act": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not an act: write its type and number, for example "
                                                         "DG 123/2024."), ("value",)),
    "answer_before_sending": (QT_TRANSLATE_NOOP("CoreErrors", "The answer (%1) cannot come before the sending (%2)."),
                              ("answer_on", "sent_on")),
    "bad_answer_kind": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a kind of answer."), ("value",)),
    "bad_progress_status": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a state of progress."), ("value",)),
    "not_a_followup_field": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a field of the follow-up."), ("field",)),
    "not_an_update_field": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a field of a progress update."), ("field",)),
    "no_progress_update": (QT_TRANSLATE_NOOP("CoreErrors", "This progress update no longer exists (it may have been "
                                                           "deleted in the meantime)."), ()),
    "no_followed_recommendation": (QT_TRANSLATE_NOOP("CoreErrors", "There is no approved recommendation “%1”."),
                                   ("key",)),
    "unknown_plan_action": (QT_TRANSLATE_NOOP("CoreErrors", "Plan action %1 is not in the list: add it first."),
                            ("codes",)),
    "no_plan_action": (QT_TRANSLATE_NOOP("CoreErrors", "This Plan action no longer exists (it may have been deleted "
                                                       "in the meantime)."), ()),
    "not_a_plan_action_field": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is not a field of a Plan action."),
                                ("field",)),
    "plan_action_in_use": (QT_TRANSLATE_NOOP("CoreErrors", "Action %1 is linked %2 times: unlink it before removing "
                                                           "it."), ("action", "count")),
    "cycle_dates_pair": (QT_TRANSLATE_NOOP("CoreErrors", "Give both the first and the last day of the cycle, or "
                                                         "neither."), ()),
    "cycle_ends_before_start": (QT_TRANSLATE_NOOP("CoreErrors", "The cycle's last day (%1) comes before its first "
                                                                "(%2)."), ("ends_on", "starts_on")),
    "cycles_overlap": (QT_TRANSLATE_NOOP("CoreErrors", "Cycle %1 overlaps cycle %2: their dates must not cross."),
                       ("cycle", "other")),
    "bad_answer_months": (QT_TRANSLATE_NOOP("CoreErrors", "The months to answer must be a whole number from 1 to %1 "
                                                          "(not “%2”)."), ("limit", "value")),
    "attachment_too_big": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is too big: at most %2 MB."), ("name", "limit")),
    "attachment_unreadable": (QT_TRANSLATE_NOOP("CoreErrors", "%1 cannot be read."), ("path",)),
    "attachment_not_pdf": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not a PDF file."), ("name",)),
    "attachment_bad_kind": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not a PDF, PNG or JPEG file."), ("name",)),
    "decidim_bad_format": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is not a CSV, JSON or Excel (.xlsx) file."),
                           ("name",)),
    "decidim_too_big": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is too big to be a Decidim export."), ("name",)),
    "decidim_unreadable": (QT_TRANSLATE_NOOP("CoreErrors", "%1 cannot be read as a Decidim export."), ("path",)),
    "decidim_not_utf8": (QT_TRANSLATE_NOOP("CoreErrors", "The CSV file is not in UTF-8: export it again from "
                                                         "Milano Partecipa."), ()),
    "decidim_not_a_list": (QT_TRANSLATE_NOOP("CoreErrors", "The JSON file is not a list of proposals."), ()),
    # -- selection by lot (core/selection)
    "pool_no_header": (QT_TRANSLATE_NOOP("CoreErrors", "No header row in the first %1 rows: the pool needs columns "
                                                       "for the quota answers (for example “Genere”, “Fascia "
                                                       "d'età”, “Titolo di studio”, “Cittadinanza”, “Municipio”)."),
                       ("rows",)),
    "replace_not_in_office": (QT_TRANSLATE_NOOP("CoreErrors", "This member is not in office, so there is nobody to replace."),
                      ()),
    "empty_reserve": (QT_TRANSLATE_NOOP("CoreErrors", "The reserve is empty: nobody can replace this member."), ()),
    "infeasible_quotas": (QT_TRANSLATE_NOOP("CoreErrors", "No group from this pool meets all the quotas together. "
                                                          "The check shows the smallest change that fixes it."), ()),
    "panel_misses_quotas": (QT_TRANSLATE_NOOP("CoreErrors", "The group drawn does not meet the quotas (%1), so it "
                                                            "was not recorded."), ("misses",)),
    "no_quotas": (QT_TRANSLATE_NOOP("CoreErrors", "There are no quotas yet: compute them for a panel first."), ()),
    "no_respondent": (QT_TRANSLATE_NOOP("CoreErrors", "This respondent no longer exists (they may have been removed "
                                                      "in the meantime)."), ()),
    "unknown_method": (QT_TRANSLATE_NOOP("CoreErrors", "Unknown method “%1”: choose leximin, maximin or legacy."),
                       ("method",)),
    "not_selected": (QT_TRANSLATE_NOOP("CoreErrors", "This respondent was not selected in a draw, so they cannot "
                                                     "be confirmed."), ()),
    "solver_failed": (QT_TRANSLATE_NOOP("CoreErrors", "The calculation stopped without a result. Nothing was "
                                                      "recorded."), ()),
    "no_run": (QT_TRANSLATE_NOOP("CoreErrors", "No draw has been recorded yet."), ()),
    "selection_timeout": (QT_TRANSLATE_NOOP("CoreErrors", "The calculation took longer than %1 seconds and was "
                                                          "stopped. Nothing was recorded."), ("seconds",)),
    "unknown_status": (QT_TRANSLATE_NOOP("CoreErrors", "Unknown status “%1”."), ("status",)),
    "empty_seed": (QT_TRANSLATE_NOOP("CoreErrors", "The seed is empty: enter the public random number announced "
                                                   "for the draw."), ()),
    "no_members_in_office": (QT_TRANSLATE_NOOP("CoreErrors", "No members are in office: a rotation needs the "
                                                             "members who continue."), ()),
    "bad_panel": (QT_TRANSLATE_NOOP("CoreErrors", "The group must have at least one seat (not %1)."), ("panel",)),
    "nobody_rotates": (QT_TRANSLATE_NOOP("CoreErrors", "Every member in office continues: nobody's term ends "
                                                       "first, so nobody rotates."), ()),
    "empty_pool": (QT_TRANSLATE_NOOP("CoreErrors", "The pool is empty: import the respondents first."), ()),
    "invitations_no_header": (QT_TRANSLATE_NOOP("CoreErrors", "No header row in the first 20 rows: the invitation "
                                                              "list needs quota columns (for example “Genere”, "
                                                              "“Fascia d'età” or “Data di nascita”, “Municipio”), "
                                                              "with a count column (“Invitati”) when each row is a "
                                                              "group of people, or the columns “Caratteristica”, "
                                                              "“Valore” and “Invitati”."), ()),
    "category_bad_share": (QT_TRANSLATE_NOOP("CoreErrors", "“%1”: write a share as VALUE=SHARE, a number between 0 "
                                                           "and 1 or a percentage (for example “Affitto=0.35” or "
                                                           "“Affitto=35%”)."), ("text",)),
    "category_no_name": (QT_TRANSLATE_NOOP("CoreErrors", "A category needs a name with letters or digits."), ()),
    "category_reserved": (QT_TRANSLATE_NOOP("CoreErrors", "“%1” is one of the characteristics the app already has."),
                          ("name",)),
    "category_no_shares": (QT_TRANSLATE_NOOP("CoreErrors", "Category “%1”: give the share of Milan's population for "
                                                           "each value."), ("name",)),
    "category_sum": (QT_TRANSLATE_NOOP("CoreErrors", "Category “%1”: the shares add up to %2, not 1 (100%)."),
                     ("name", "total")),
    "category_value_twice": (QT_TRANSLATE_NOOP("CoreErrors", "Category “%1”: the value “%2” is given twice."),
                             ("name", "value")),
    "category_unknown": (QT_TRANSLATE_NOOP("CoreErrors", "There is no category “%1”."), ("name",)),
    "announcement_empty": (QT_TRANSLATE_NOOP("CoreErrors", "Say how the seed will be obtained (for example: the "
                                                           "first five numbers of the Lotto draw of 12 March, Milan "
                                                           "wheel)."), ()),
    "seed_not_announced": (QT_TRANSLATE_NOOP("CoreErrors", "The seed's source given (“%1”) is not the one announced "
                                                           "on %2 (“%3”): draw with the announced seed, or announce "
                                                           "the new source before the draw. Nothing was written."),
                           ("given", "on", "announced")),
    "inputs_changed": (QT_TRANSLATE_NOOP("CoreErrors", "The pool, the quotas or the members in office changed "
                                                       "while the draw was computed, so nothing was recorded: "
                                                       "draw again."), ()),
    # -- files written by exports
    "folder_missing": (QT_TRANSLATE_NOOP("CoreErrors", "The folder %1 does not exist."), ("folder",)),
    "target_is_a_folder": (QT_TRANSLATE_NOOP("CoreErrors", "%1 is a folder: choose a file name."), ("path",)),
    "folder_not_writable": (QT_TRANSLATE_NOOP("CoreErrors", "There is no permission to write in %1."),
                            ("folder",)),
    # -- messages to members (core/language/templates.py)
    "unknown_placeholder": (QT_TRANSLATE_NOOP("CoreErrors", "The placeholder {%1} does not exist in this message. "
                                                            "Use one of those listed, or remove it."),
                            ("placeholder",)),
    "bad_placeholder": (QT_TRANSLATE_NOOP("CoreErrors", "{%1} is not a placeholder: write only a name between "
                                                        "braces, for example {first_name}."), ("placeholder",)),
    "bad_braces": (QT_TRANSLATE_NOOP("CoreErrors", "A brace is open and not closed, or closed and not opened. "
                                                   "To write a brace in the text, write it twice: {{ or }}."), ()),
    "template_incomplete": (QT_TRANSLATE_NOOP("CoreErrors", "A message needs a subject and a letter text."), ()),
    "bad_template_header": (QT_TRANSLATE_NOOP("CoreErrors", "The line '%1' at the top of the message file is not "
                                                            "'Subject:', 'SMS:' or 'Review:'."), ("line",)),
    "no_base_template": (QT_TRANSLATE_NOOP("CoreErrors", "This message has no Italian text: it cannot be sent to "
                                                         "members whose language has no translation."), ()),
    "unknown_message": (QT_TRANSLATE_NOOP("CoreErrors", "There is no message called '%1'."), ("template",)),
    "no_recipients_chosen": (QT_TRANSLATE_NOOP("CoreErrors", "Choose who receives this message: a cohort or some "
                                                             "members."), ()),
    "message_needs_plenary": (QT_TRANSLATE_NOOP("CoreErrors", "Choose the plenary this message is about."), ()),
}

# Said instead when a package error names no file, or an other assembly without a name.
_THE_PACKAGE = QT_TRANSLATE_NOOP("CoreErrors", "The package")
_OTHER_ASSEMBLY_UNNAMED = QT_TRANSLATE_NOOP("CoreErrors", "%1 belongs to another assembly. Nothing was imported.")


def error_text(exc: BaseException) -> str:
    """What went wrong, in the interface language for a known core code; otherwise `str(exc)`."""
    entry = TEMPLATES.get(exc.code) if isinstance(exc, CoreError) else None
    if entry is None:
        return str(exc)
    template, names = entry
    params = dict(exc.params)
    if any(name not in params for name in names):
        return str(exc)  # raised without the values its template needs: the English text says more
    if exc.code.startswith("package_"):
        params["file"] = params.get("file") or _t(_THE_PACKAGE)
        if exc.code == "package_other_assembly" and not params.get("other"):
            template = _OTHER_ASSEMBLY_UNNAMED
    return fmt(_t(template), *(params[name] for name in names))
