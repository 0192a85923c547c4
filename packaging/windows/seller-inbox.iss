; Inno Setup script for Seller Inbox: a per-user installer (no administrator rights).
; Build after PyInstaller (see docs/packaging.md), from the repository root:
;   iscc /DAppVersion=0.1.0 /DAppArch=x64 packaging\windows\seller-inbox.iss
; Output: dist\SellerInbox-<version>-windows-<arch>-setup.exe

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z ...
#endif
#ifndef AppArch
  #define AppArch "x64"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\seller-inbox"
#endif

#define AppName "Seller Inbox"
#define AppExe "seller-inbox.exe"

[Setup]
; Never change the AppId: upgrades and the uninstaller find the installed copy by it.
AppId={{07B6C076-25C4-4FC0-9314-0E9E3BF20561}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Seller Inbox
VersionInfoVersion={#AppVersion}
; Per-user: installs to %LOCALAPPDATA%\Programs\Seller Inbox without elevation.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
; {localappdata}\Programs is what {autopf} means for a per-user install ({userpf}); spelt out
; because Wine 8 cannot expand {autopf} ("Failed to expand shell folder constant").
DefaultDirName={localappdata}\Programs\{#AppName}
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Uninstallable=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes
OutputDir=..\..\dist
OutputBaseFilename=SellerInbox-{#AppVersion}-windows-{#AppArch}-setup
; LZMA2 with a 64 MiB dictionary over all files as one stream (packaging/build.py estimates
; the installer's size with the same settings: xz -9e).
Compression=lzma2/ultra64
SolidCompression=yes
; The compressor in its own process (islzma64.exe on 64-bit Windows): ultra64's ~700 MB of
; working memory does not fit beside the 32-bit compiler ("Out of memory", seen under Wine).
LZMAUseSeparateProcess=yes
WizardStyle=modern

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle wholesale: no stale modules from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
