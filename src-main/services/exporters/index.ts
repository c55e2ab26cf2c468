export { exportPptx, type PptxExportResult } from './pptx-export'
