#!/usr/bin/env node
import { buildIfStale } from './build-if-stale.mjs'
buildIfStale()
