// bin/tsw runs this when it cannot start node from tsw's start-up snapshot: the ES module
// bundle built from src/cli.ts (npm run build).
import { runProcess } from '../dist/cli.js';

runProcess();
