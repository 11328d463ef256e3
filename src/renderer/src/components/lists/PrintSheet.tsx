// A list laid out for paper, portaled beside the app and shown only by the print stylesheet
// (print.css): the street office and the list's name as a title, what it holds, the table with its
// header repeated on every page, page numbers at the foot; A4, landscape when it is wide.
import { createPortal } from 'react-dom';
import { chineseDate, isoDay } from '../../../../shared/fields/dates';
import { cellText } from './cells';
import './print.css';
import type { ListColumn } from '../../../../shared/lists';
import type { ShownList } from './types';

/** A column's width in Excel characters (a Chinese character takes two), as the export sets it. */
const widthOf = (c: ListColumn): number => c.width ?? (c.kind === 'date' ? 12 : c.kind === 'datetime' ? 18 : c.kind && c.kind !== 'text' ? 8 : 12);

/** Wider lists than this many columns print landscape. */
const PORTRAIT_COLUMNS = 6;

export function PrintSheet({ list, office, at }: { list: ShownList; office: string; at: Date }): React.JSX.Element {
  const landscape = list.columns.length > PORTRAIT_COLUMNS;
  return createPortal(
    <div className="sanwu-print" data-testid="print-sheet">
      <style>{`@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; }`}</style>
      <h1>
        {office}
        {list.title}
      </h1>
      <p className="sanwu-print-note">
        {list.note ? `${list.note}\u3000\u3000` : ''}打印日期：{chineseDate(isoDay(at))}
      </p>
      <table>
        <colgroup>
          <col style={{ width: '3em' }} />
          {list.columns.map((c) => (
            <col key={c.header} style={{ width: `${widthOf(c) / 2}em` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="sanwu-print-no">序号</th>
            {list.columns.map((c) => (
              <th key={c.header}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r, i) => (
            <tr key={i}>
              <td className="sanwu-print-no">{i + 1}</td>
              {list.columns.map((c, j) => (
                <td key={c.header} className={c.kind && c.kind !== 'text' ? 'sanwu-print-num' : widthOf(c) <= 12 ? 'sanwu-print-short' : undefined}>
                  {cellText(r[j] ?? null, c.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {list.rows.length === 0 && <p>（没有内容）</p>}
    </div>,
    document.body,
  );
}
