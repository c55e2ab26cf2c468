import { homedir, platform } from 'node:os'
import { join } from 'node:path'

/** Where ClassDeck keeps its data when no --data-dir is given (same place Electron's userData uses). */
export function defaultDataDir(): string {
  if (process.env.CLASSDECK_DATA_DIR) return process.env.CLASSDECK_DATA_DIR
  const home = homedir()
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ClassDeck')
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'ClassDeck')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ClassDeck')
  }
}
