; The Windows installer for Portal Desk, built on Linux by `cargo xtask bundle`
; with Debian's makensis. Tauri's own NSIS bundler can't be used there: it
; downloads its NSIS plugins from GitHub, and it takes only the MSVC target.
;
; Per user, like Tauri's default ("currentUser"): no administrator rights,
; installed in %LOCALAPPDATA%\Programs\Portal Desk. `/S` installs silently.
;
; makensis -DVERSION=0.1.0 -DDIST=<folder with the built files> -DOUTFILE=<exe>

; A 64-bit installer, for a 64-bit app (and Wine's 64-bit loader can run it).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define PRODUCT "Portal Desk"
!define IDENTIFIER "io.portaldesk.desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
; WebView2's Evergreen runtime registers this client id with Edge Update.
!define WEBVIEW2_CLIENT "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_PAGE "https://developer.microsoft.com/microsoft-edge/webview2/"
!define NOTES_FILE "INSTALL-NOTES.txt"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "Software\${IDENTIFIER}" "InstallDir"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT"

!define MUI_ICON "${DIST}/icon.ico"
!define MUI_UNICON "${DIST}/icon.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\portal-desk.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${PRODUCT} needs 64-bit Windows 10 or later." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

; Sets $0 to the installed WebView2 runtime's version, or "" when there is none.
Function FindWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

Section "Portal Desk" Main
  SetOutPath "$INSTDIR"
  File "${DIST}/portal-desk.exe"
  File "${DIST}/portal-desk.com"
  File "${DIST}/WebView2Loader.dll"
  File "${DIST}/icon.ico"
  Delete "$INSTDIR\${NOTES_FILE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\portal-desk.exe" "" "$INSTDIR\icon.ico"

  WriteRegStr HKCU "Software\${IDENTIFIER}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; The window needs Microsoft's WebView2 runtime (part of Windows 11, and of
  ; most Windows 10 machines through Edge). Without it, say where to get it:
  ; in a dialog that offers to open the page, and, for a silent install, in
  ; a notes file beside the program.
  Call FindWebView2
  ${If} $0 == ""
    FileOpen $1 "$INSTDIR\${NOTES_FILE}" w
    FileWrite $1 "Portal Desk's window needs Microsoft's WebView2 runtime, which this computer doesn't have.$\r$\n"
    FileWrite $1 "Get the Evergreen runtime from ${WEBVIEW2_PAGE}$\r$\n"
    FileWrite $1 "The command line (portal-desk.com) works without it.$\r$\n"
    FileClose $1
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "Portal Desk's window needs Microsoft's WebView2 runtime, which this computer doesn't have.$\r$\n$\r$\nOpen ${WEBVIEW2_PAGE} to get it?" /SD IDNO IDNO done
      ExecShell "open" "${WEBVIEW2_PAGE}"
    done:
  ${EndIf}
SectionEnd

Section "Uninstall"
  ; The data folder (%APPDATA%\io.portaldesk.desk) and the key in the
  ; Credential Manager stay, as with other apps: reinstalling finds them.
  Delete "$INSTDIR\portal-desk.exe"
  Delete "$INSTDIR\portal-desk.com"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\${NOTES_FILE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${IDENTIFIER}"
SectionEnd
