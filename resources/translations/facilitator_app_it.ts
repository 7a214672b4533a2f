<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name></name>
    <message>
        <source>File already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already open in another window of the app. Use that window, or close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milan&apos;s municipi go from 1 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The term ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A badge code has 5 characters from the badge alphabet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another member already has this badge code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row without surname or first name: not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipio not between 1 and 9: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid date: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed e-mail address: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed phone number: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown gender: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown education level: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown citizenship: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status: left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same person as an earlier row: merged into one member.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Import done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1 new members, %2 updated, %3 unchanged, %4 rows rejected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the roster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An .xlsx or .csv file from the statistics office. Nothing is written until you confirm on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import roster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open assembly…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New assembly…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — Citizens&apos; Assembly on Climate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open assembly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assembly files (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New assembly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assembly files (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this laptop, as colleagues will see it (e.g. Laptop tavolo 3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when you restart the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator app %1
For the facilitators and secretariat of Milan&apos;s Permanent Citizens&apos; Assembly on Climate. Works offline; everything is saved at once in the assembly file.
License: GPL-3.0-or-later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts and term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs, consents and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search by surname, name, badge or id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All municipi</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Municipio %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 members</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what the import will do. Rows with problems are listed below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header found on row %1. %2 new members, %3 to update, %4 unchanged, %5 rows rejected, %6 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Projector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
