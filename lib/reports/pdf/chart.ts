// The monthly trend as stacked bars drawn with vector paths. Each kind has
// its own grey and hatching, and the legend and totals are labelled, so it
// reads the same printed in black and white.
import { formatEmissions, formatNumber } from '@/lib/format';
import type { EventKind } from '@/lib/ingest/types';
import { kindWords } from '@/lib/reports/summary';
import type { ReportModel } from '@/lib/reports/types';

import { BOLD, FONT, pdfText, type PdfWriter } from './writer';

type Hatch = 'none' | 'diagonal' | 'cross' | 'horizontal' | 'dots';

const STYLES: Record<EventKind, { fill: string; hatch: Hatch }> = {
  inference: { fill: '#404040', hatch: 'none' },
  training: { fill: '#bfbfbf', hatch: 'diagonal' },
  pipeline_step: { fill: '#ffffff', hatch: 'cross' },
  llm_api_call: { fill: '#8c8c8c', hatch: 'horizontal' },
  storage: { fill: '#e6e6e6', hatch: 'dots' },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(month: string) {
  const [year, index] = month.split('-').map(Number);

  return `${MONTHS[(index ?? 1) - 1]} ${year}`;
}

/** A round axis maximum at or above `value`: 1, 2, 2.5 or 5 times a power of 10. */
function niceMax(value: number) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) ?? 10;

  return step * power;
}

function swatch(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  w: number,
  h: number,
  kind: EventKind,
) {
  const style = STYLES[kind];
  doc.save();
  doc.rect(x, y, w, h).fill(style.fill);
  doc.rect(x, y, w, h).clip();
  doc.lineWidth(0.6).strokeColor('black');
  if (style.hatch === 'diagonal' || style.hatch === 'cross') {
    for (let d = -h; d < w; d += 5)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d + h, y)
        .stroke();
  }
  if (style.hatch === 'cross') {
    for (let d = 0; d < w + h; d += 5)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d - h, y)
        .stroke();
  }
  if (style.hatch === 'horizontal') {
    for (let d = y + 2; d < y + h; d += 4)
      doc
        .moveTo(x, d)
        .lineTo(x + w, d)
        .stroke();
  }
  if (style.hatch === 'dots') {
    for (let dy = y + 2; dy < y + h; dy += 4) {
      for (let dx = x + 2; dx < x + w; dx += 4) doc.circle(dx, dy, 0.6).fill('black');
    }
  }
  doc.restore();
  doc.rect(x, y, w, h).lineWidth(0.6).strokeColor('black').stroke();
}

export function drawTrendChart(writer: PdfWriter, trend: ReportModel['trend']) {
  const doc = writer.doc;
  const height = 230;
  writer.ensure(height + 60);
  const top = doc.y + 10;
  const axisX = writer.left + 62;
  const plotWidth = writer.width - 62;
  const plotHeight = height - 40;
  const baseY = top + plotHeight;
  const max = niceMax(Math.max(0, ...trend.months.map((m) => m.totalG)));
  const scale =
    max >= 1e6
      ? { by: 1e6, unit: 'tCO2e' }
      : max >= 1e3
        ? { by: 1e3, unit: 'kgCO2e' }
        : { by: 1, unit: 'gCO2e' };

  const step = max / 4 / scale.by;
  const digits = step >= 10 ? 0 : step >= 1 && Number.isInteger(step) ? 0 : step >= 0.1 ? 1 : 2;
  doc.font(FONT).fontSize(8).fillColor('black');
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = baseY - (plotHeight * i) / 4;
    doc
      .moveTo(axisX, y)
      .lineTo(axisX + plotWidth, y)
      .lineWidth(0.3)
      .dash(2, { space: 2 })
      .strokeColor('#999')
      .stroke()
      .undash();
    doc.text(formatNumber(value / scale.by, digits), writer.left, y - 4, {
      width: 56,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.save().rotate(-90, { origin: [writer.left + 4, top + plotHeight / 2] });
  doc
    .font(BOLD)
    .fontSize(8)
    .text(scale.unit, writer.left - 20, top + plotHeight / 2 - 4, {
      width: 48,
      align: 'center',
      lineBreak: false,
    });
  doc.restore();
  doc
    .moveTo(axisX, top)
    .lineTo(axisX, baseY)
    .lineTo(axisX + plotWidth, baseY)
    .lineWidth(0.8)
    .strokeColor('black')
    .stroke();

  const slot = plotWidth / Math.max(trend.months.length, 1);
  const barWidth = Math.min(70, slot * 0.5);
  trend.months.forEach((month, i) => {
    const x = axisX + slot * i + (slot - barWidth) / 2;
    let y = baseY;
    for (const kind of trend.kinds) {
      const h = (month.emissionsG[kind] / max) * plotHeight;
      if (h <= 0) continue;
      y -= h;
      swatch(doc, x, y, barWidth, h, kind);
    }
    doc.font(BOLD).fontSize(8).fillColor('black');
    doc.text(pdfText(formatEmissions(month.totalG)), x - 20, y - 12, {
      width: barWidth + 40,
      align: 'center',
      lineBreak: false,
    });
    doc.font(FONT).text(monthName(month.month), x - 20, baseY + 5, {
      width: barWidth + 40,
      align: 'center',
      lineBreak: false,
    });
  });

  let legendX = axisX;
  const legendY = baseY + 22;
  doc.font(FONT).fontSize(8.5);
  for (const kind of trend.kinds) {
    swatch(doc, legendX, legendY, 14, 10, kind);
    const label = kindWords(kind);
    doc.fillColor('black').text(label, legendX + 18, legendY + 1, { lineBreak: false });
    legendX += 18 + doc.widthOfString(label) + 16;
  }
  doc.x = writer.left;
  doc.y = legendY + 24;
}
