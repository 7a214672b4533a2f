; Inno Setup script: the Windows installer of the PyInstaller one-folder build.
;   iscc /DAppVersion=0.1.0 packaging\windows\facilitator_app.iss
; Installs per user (no administrator needed on the Comune's laptops), with a Start menu entry
; and an optional desktop icon; the assembly files in the user's folders are never touched by
; uninstalling.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C1A3E52-7F0B-4F1E-9C57-2B9B0A6E4D11}
AppName=Facilitator App - Assemblea per il Clima
AppVersion={#AppVersion}
AppPublisher=Assemblea Permanente dei Cittadini sul Clima - Milano
DefaultDirName={localappdata}\Programs\facilitator_app
DefaultGroupName=Facilitator App
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=facilitator_app-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE
UninstallDisplayIcon={app}\facilitator_app.exe

[Languages]
Name: "it"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\facilitator_app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Facilitator App"; Filename: "{app}\facilitator_app.exe"
Name: "{autodesktop}\Facilitator App"; Filename: "{app}\facilitator_app.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\facilitator_app.exe"; Description: "{cm:LaunchProgram,Facilitator App}"; Flags: nowait postinstall skipifsilent
