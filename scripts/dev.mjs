// `npm run dev`: the API with reload on change (tsx watch, port 3001) and Vite's dev server with
// hot reload (port 5173, proxying /api to the API). Ctrl+C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/cli/main.ts', 'serve', '--port', '3001'], {
    stdio: 'inherit',
    env: { ...process.env },
  }),
  spawn('npx', ['vite', '--port', '5173', '--strictPort'], { stdio: 'inherit' }),
];
process.stdout.write('Bridges dev: open http://localhost:5173 (API on http://127.0.0.1:3001)\n');

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
