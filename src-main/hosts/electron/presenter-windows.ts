/**
 * Teaching windows, Electron only. The Teach page opens them itself with `window.open(url, name)`
 * (so the same renderer code opens a second tab in the browser host); this file decides where
 * they go and what they are:
 *  - `classdeck-board`: the lesson, full screen on the classroom display — the external touch
 *    display when one is connected, else any external display, else this one. The window that
 *    opened it (on the laptop) becomes the presenter console.
 *  - `classdeck-overlay`: a transparent, frameless, always-on-top window over the whole display
 *    for ink over any other application; the page closes it with one tap.
 * Every other window.open stays refused, as security.ts refuses it for all windows.
 */
import type { Rectangle, WindowOpenHandlerResponse } from 'electron'
import type { ChildWindow, MainContents, ShellScreen } from './electron-api'
import { isAppUrl, openAllowedExternal, secureWebPreferences } from './security'

/** Frame names the renderer uses (src-renderer/features/presenter/presenter-link.ts keeps the same two). */
export const BOARD_FRAME = 'classdeck-board'
export const OVERLAY_FRAME = 'classdeck-overlay'

/** What the choice needs from an Electron Display (a plain shape, so it is tested without Electron). */
export interface DisplayInfo {
  readonly id: number
  readonly internal: boolean
  readonly touchSupport: 'available' | 'unavailable' | 'unknown'
  readonly bounds: Rectangle
}

/**
 * The classroom display: the teacher's choice if it is connected; else an external touch
 * display (the smartboard); else any display other than the laptop's (a projector); else the
 * primary one. Among equals, the largest wins.
 */
export function chooseClassroomDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  primaryId: number,
  preferredId?: number | null
): D {
  if (displays.length === 0) throw new Error('no displays')
  const preferred = displays.find((d) => d.id === preferredId)
  if (preferred) return preferred
  const area = (d: D): number => d.bounds.width * d.bounds.height
  const largest = (list: D[]): D | undefined => [...list].sort((a, b) => area(b) - area(a))[0]
  const others = displays.filter((d) => d.id !== primaryId)
  return (
    largest(others.filter((d) => !d.internal && d.touchSupport === 'available')) ??
    largest(displays.filter((d) => !d.internal && d.touchSupport === 'available')) ??
    largest(others.filter((d) => !d.internal)) ??
    largest(others) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0]!
  )
}

export interface PresenterWindowsOptions {
  /** Path of the preload script (the same one the main window uses). */
  readonly preload: string
  /** A display the teacher chose (changeable later through a setting); null = automatic. */
  readonly preferredDisplayId?: () => number | null
}

/**
 * Lets `contents` (the main window) open the board and overlay windows. Call it after the
 * window is created: it replaces security.ts's deny-all handler for this window only.
 */
export function attachPresenterWindows(
  contents: MainContents,
  screen: ShellScreen,
  opts: PresenterWindowsOptions
): void {
  contents.setWindowOpenHandler(({ url, frameName }): WindowOpenHandlerResponse => {
    if (!isAppUrl(url)) {
      openAllowedExternal(url) // e.g. the platform's sign-in page, in the system browser
      return { action: 'deny' }
    }
    if (frameName === BOARD_FRAME) {
      const d = chooseClassroomDisplay(
        screen.getAllDisplays(),
        screen.getPrimaryDisplay().id,
        opts.preferredDisplayId?.()
      )
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          ...d.bounds,
          fullscreen: true,
          autoHideMenuBar: true,
          backgroundColor: '#111111',
          title: 'ClassDeck 授课',
          webPreferences: secureWebPreferences(opts.preload)
        }
      }
    }
    if (frameName === OVERLAY_FRAME) {
      // Over the display the teacher is working on (where the pointer is).
      const d = screen.getDisplayNearestPoint(screen.getCursorScreenPoint())
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          ...d.bounds,
          transparent: true,
          frame: false,
          hasShadow: false,
          resizable: false,
          movable: false,
          fullscreenable: false,
          skipTaskbar: true,
          alwaysOnTop: true,
          backgroundColor: '#00000000',
          title: 'ClassDeck 批注',
          webPreferences: secureWebPreferences(opts.preload)
        }
      }
    }
    return { action: 'deny' }
  })

  contents.on('did-create-window', (win, { frameName }) => {
    if (frameName === BOARD_FRAME) keepOnADisplay(win, screen)
    if (frameName === OVERLAY_FRAME) {
      // Above full-screen apps (a video, a PowerPoint show) and on every desktop space.
      win.setAlwaysOnTop(true, 'screen-saver')
      win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
      win.focus()
    }
  })
}

/** When the classroom display is unplugged mid-lesson, the board comes back to the laptop instead of vanishing. */
function keepOnADisplay(win: ChildWindow, screen: ShellScreen): void {
  const onRemoved = (): void => {
    if (win.isDestroyed()) return
    const b = win.getBounds()
    const visible = screen.getAllDisplays().some((d) => overlaps(d.bounds, b))
    if (visible) return
    const primary = screen.getPrimaryDisplay().workArea
    win.setFullScreen(false)
    win.setBounds(primary)
    win.setFullScreen(true)
  }
  screen.on('display-removed', onRemoved)
  win.once('closed', () => screen.off('display-removed', onRemoved))
}

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}
