@echo off
rem A first try: runs the sample batch and keeps the window open.
rem subsidy.exe is a command-line program: for your own files, open
rem cmd.exe, PowerShell or Windows Terminal in this folder and type
rem   subsidy calc your-claims.csv --out payout.csv
rem (in PowerShell: .\subsidy calc your-claims.csv --out payout.csv)
cd /d "%~dp0"
subsidy.exe calc samples\claims-2024.csv --ledger samples\ledger-2024.csv
echo.
pause
