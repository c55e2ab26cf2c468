/**
 * Courseware the operating system asks ClassDeck to open: a double-clicked `.edux` (the file
 * association in electron-builder.yml) arrives on the command line on Windows and Linux, as
 * `open-file` on macOS, and, while ClassDeck already runs, in the second instance's argv (the
 * single-instance lock sends it to us). Each path goes to the courseware service, which keeps it
 * until the window takes it (`courseware:take-open-requests`), so a file named before the window
 * has loaded is not lost.
 */
import { isAbsolute, resolve } from 'node:path'
import type { ShellApp } from './electron-api'

/** The `.edux` files named on a command line (flags and the program's own arguments are skipped). */
export function eduxPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = []
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !/\.edux$/i.test(arg)) continue
    const file = isAbsolute(arg) ? arg : resolve(cwd, arg)
    if (!out.includes(file)) out.push(file)
  }
  return out
}

export interface OpenFileSink {
  requestOpen(path: string): void
}

/**
 * Listens for files to open and hands them to the sink once it exists (the services start after
 * `whenReady`, while macOS may send open-file before that). Returns `attach(sink)`.
 */
export function listenForOpenFiles(
  app: Pick<ShellApp, 'on'>,
  argv: readonly string[],
  cwd: string,
  focus: () => void
): (sink: OpenFileSink) => void {
  const waiting = eduxPathsFromArgv(argv, cwd)
  let sink: OpenFileSink | null = null
  const deliver = (path: string): void => {
    if (sink) sink.requestOpen(path)
    else if (!waiting.includes(path)) waiting.push(path)
  }
  app.on('open-file', (event, path) => {
    event.preventDefault()
    deliver(path)
    focus()
  })
  app.on('second-instance', (_event, otherArgv, workingDirectory) => {
    for (const p of eduxPathsFromArgv(otherArgv, workingDirectory)) deliver(p)
    focus()
  })
  return (s) => {
    sink = s
    for (const p of waiting.splice(0)) s.requestOpen(p)
  }
}
