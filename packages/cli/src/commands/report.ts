import { writeReport } from '@stibium/report';
import { readManifest } from '@stibium/scenario';

/** `stibium report`: (re)writes `report.html` of a complete results folder. */
export async function reportCommand(dir: string, opts: { json?: boolean }): Promise<number> {
  readManifest(dir);
  const file = await writeReport(dir);
  process.stdout.write(opts.json ? `${JSON.stringify({ report: file })}\n` : `Report: ${file}\n`);
  return 0;
}
