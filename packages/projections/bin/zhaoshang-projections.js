#!/usr/bin/env node
'use strict';
// The bin npm links: a committed file (so a fresh clone's `npm install` links it), running the built
// CLI (dist/cli/main.js) and building this package first if it has not been built yet.
require('@zhaoshang/cli/launch').launch(require('node:path').join(__dirname, '..'));
