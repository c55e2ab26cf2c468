export { QuestionBankService, type QuestionBankDeps, type BankChange } from './question-bank-service'
export { LibraryService, type LibraryServiceDeps } from './library-service'
export { LibraryFileStore, hashFile, type StoredFile } from './file-store'
export { deckText, type TextExtractor, type ExtractedText } from './text-extract'
