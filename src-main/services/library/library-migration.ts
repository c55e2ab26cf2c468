import type { Migration } from '../storage/migrations'

/**
 * The library: resources hung on the catalogue (学段/学科/版本/册/章节), their search indexes and the
 * question bank. Files live outside the database, stored by content hash; `sha256` is unique,
 * so the same file is never kept twice.
 *
 * Two contentless FTS5 indexes hold normalised text (see src-shared/library/search-text.ts):
 * trigram for terms of three characters or more, and a bigram index for one- and two-character
 * Chinese words that trigram cannot answer. Their rowid is library_resources.seq.
 */
export const libraryMigration: Migration = {
  version: 7,
  name: 'library: resources, search, question bank',
  up(db) {
    db.exec(`
      CREATE TABLE library_resources (
        seq           INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL,
        title_norm    TEXT NOT NULL,            -- NFKC + lower case, for ranking title matches first
        type          TEXT NOT NULL CHECK (type IN ('教案','课件','微课','素材','试卷','习题','其他')),
        format        TEXT NOT NULL CHECK (format IN ('word','ppt','pdf','edux','video','audio','image','other')),
        stage_id      TEXT, stage_name   TEXT,  -- 学段
        subject_id    TEXT, subject_name TEXT,  -- 学科
        edition_id    TEXT, edition_name TEXT,  -- 版本
        volume_id     TEXT, volume_name  TEXT,  -- 册
        chapter_id    TEXT, chapter_name TEXT,  -- 章节
        tags          TEXT NOT NULL DEFAULT '[]',   -- JSON string[]
        tags_norm     TEXT NOT NULL DEFAULT '',
        original      INTEGER NOT NULL DEFAULT 0 CHECK (original IN (0,1)),
        open_level    TEXT CHECK (open_level IN ('校级','区县级','市级')),
        file          TEXT NOT NULL,            -- relative to the library folder: <aa>/<sha256>.<ext>
        file_name     TEXT NOT NULL,            -- the name it was added under
        thumbnail     TEXT,
        size          INTEGER NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        text_state    TEXT NOT NULL CHECK (text_state IN ('extracted','not-extracted','failed','none')),
        text_error    TEXT,
        sync_state    TEXT NOT NULL DEFAULT 'local' CHECK (sync_state IN ('local','queued','synced','failed','downloaded')),
        remote_id     TEXT,
        shared_at     TEXT,                     -- when the teacher shared it (queued for upload)
        shared_title  TEXT,                     -- the title it was shared under (【原创】…)
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      -- The text inside courseware and lesson plans, apart from the resource row: ranking reads
      -- thousands of narrow rows, and a long text inline would make each one a page of its own.
      CREATE TABLE library_bodies (
        seq   INTEGER PRIMARY KEY REFERENCES library_resources(seq) ON DELETE CASCADE,
        body  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX library_resources_tree ON library_resources(stage_id, subject_id, edition_id, volume_id, chapter_id);
      CREATE INDEX library_resources_chapter ON library_resources(chapter_id);
      CREATE INDEX library_resources_updated ON library_resources(updated_at DESC, seq);
      CREATE INDEX library_resources_type ON library_resources(type, format);
      CREATE INDEX library_resources_created ON library_resources(created_at);

      CREATE VIRTUAL TABLE library_fts_tri USING fts5(
        title, tags, body, content='', contentless_delete=1, tokenize='trigram'
      );
      CREATE VIRTUAL TABLE library_fts_bi USING fts5(
        title, tags, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
      );

      CREATE TABLE question_bank (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL,             -- single | multiple | true-false | fill-in | poll
        question     TEXT NOT NULL,             -- JSON Question (src-shared/courseware/question.ts)
        prompt_norm  TEXT NOT NULL,
        stage_id     TEXT, stage_name   TEXT,
        subject_id   TEXT, subject_name TEXT,
        edition_id   TEXT, edition_name TEXT,
        volume_id    TEXT, volume_name  TEXT,
        chapter_id   TEXT, chapter_name TEXT,
        difficulty   INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
        tags         TEXT NOT NULL DEFAULT '[]',
        source       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX question_bank_chapter ON question_bank(chapter_id, kind, difficulty);
      CREATE INDEX question_bank_tree ON question_bank(stage_id, subject_id, edition_id, volume_id, chapter_id);
      CREATE INDEX question_bank_created ON question_bank(created_at);

      -- Statistics (教学统计) find a class's question runs through its lessons; these indexes on the
      -- classroom tables (migration 4) keep that a lookup rather than a scan.
      CREATE INDEX stats_question_runs_lesson ON question_runs(lesson_session_id, launched_at);
      CREATE INDEX stats_class_sessions_lesson ON class_sessions(lesson_session_id);
      CREATE INDEX stats_question_runs_launched ON question_runs(launched_at);
      CREATE INDEX library_resources_shared ON library_resources(shared_at) WHERE shared_at IS NOT NULL;
    `)
  }
}
