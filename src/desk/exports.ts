import ExcelJS from 'exceljs';
import type { Router } from 'express';
import { audit, type DeskDeps } from './desk-context.ts';
import { readDesk } from './desk-data.ts';
import { buildTable, formatMoment, type Cell, type DeskTable } from './tables.ts';

// A cell Excel would run as a formula (OWASP "CSV injection"): =, +, -, @, and tab or CR before them.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field for Flemish Excel: a formula-looking text gets a leading ' and quotes, so it stays text. */
export function csvField(cell: Cell, timeZone: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = typeof cell === 'string' ? cell : formatMoment(cell.at, timeZone);
  const neutral = formulaStart.test(text) ? `'${text}` : text;
  return neutral !== text || /[;"\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** The CSV that opens right in Excel set to Dutch (Belgium): UTF-8 with BOM, `;` between fields, CRLF after every row. */
export function toCsv(table: DeskTable, timeZone: string): Buffer {
  const lines = [table.columns.map((c) => csvField(c, timeZone)), ...table.rows.map((row) => row.cells.map((c) => csvField(c, timeZone)))].map((fields) => `${fields.join(';')}\r\n`);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join(''), 'utf8')]);
}

/** A moment as the wall-clock time of `timeZone`, for a spreadsheet (which has no time zones). */
function wallClock(iso: string, timeZone: string): Date {
  const [date, time] = formatMoment(iso, timeZone).split(' ') as [string, string];
  const [d, m, y] = date.split('/').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

/** The same list as a spreadsheet: text stays text (exceljs never writes a string as a formula), moments are dates. */
export async function toXlsx(table: DeskTable, timeZone: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Balie';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.cells.map((c) => (c !== null && typeof c === 'object' ? wallClock(c.at, timeZone) : c)));
  table.columns.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = 18;
    if (table.rows.some((r) => typeof r.cells[i] === 'object' && r.cells[i] !== null)) column.numFmt = 'dd/mm/yyyy hh:mm';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** GET /organiser/exports/<list>.csv and .xlsx, each written to the audit log. */
export function mountExports(router: Router, deps: DeskDeps): void {
  router.get('/exports/:file', async (req, res) => {
    const match = /^([a-z0-9-]{1,40})\.(csv|xlsx)$/.exec(req.params.file);
    const table = match ? buildTable(match[1] as string, await readDesk(deps), deps.event) : null;
    if (!match || !table) {
      res.status(404).json({ error: 'no such export' });
      return;
    }
    const timeZone = deps.event.timezone;
    const filename = `${deps.event.id}-${table.name}.${match[2]}`;
    const body = match[2] === 'csv' ? toCsv(table, timeZone) : await toXlsx(table, timeZone);
    await audit(deps, res, 'export', `${table.name}.${match[2]} (${table.rows.length} rijen)`);
    res
      .type(match[2] === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="${filename}"`)
      .send(body);
  });
}
