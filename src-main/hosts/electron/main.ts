/**
 * Electron's entry: the real Electron API handed to the shell (shell.ts), which holds the logic.
 * Passing the real members here is also the check that the fake the tests use has their shape.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, screen, session, shell } from 'electron'
import { join } from 'node:path'
import { runShell } from './shell'

runShell(
  { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, screen, session, shell },
  { distDir: join(__dirname, '..'), argv: process.argv, printWindows: BrowserWindow }
)
