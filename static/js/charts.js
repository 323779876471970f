// The charts of the incidents a filter finds (cases.patterns.charts), each downloadable
// as PNG or SVG (drawn here) and as CSV (its numbers, from the server); and the home
// page's small chart of incidents per month.
"use strict";

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const escape = (text) => echarts.format.encodeHTML(String(text));
// Each chart described for screen readers (ECharts' aria), and drawn at once: the page
// is ready, and a download shows all of it, as soon as it is drawn.
const COMMON = { aria: { enabled: true }, animation: false };

function perMonthOption(table) {
  return {
    ...COMMON,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { type: "scroll", top: 0 },
    grid: { top: 40, left: 40, right: 16, bottom: 60 },
    xAxis: { type: "category", data: table.months },
    yAxis: { type: "value", minInterval: 1 },
    dataZoom: table.months.length > 36 ? [{ type: "slider" }, { type: "inside" }] : [],
    series: table.types.map((kind) => ({
      name: kind.name,
      type: "bar",
      stack: "incidents",
      data: kind.incidents,
    })),
  };
}

// Every month from the first to the last ("YYYY-MM"), as cases.patterns counts them.
function monthsBetween(first, last) {
  const months = [];
  let [year, month] = first.split("-").map(Number);
  for (let current = first; current <= last; ) {
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    current = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
  }
  return months;
}

// A band between the low and the high estimate: the low line, the difference stacked
// on it as a shaded area, and the high line. A month without materiel recorded counts
// none, rather than a line drawn across it from the months around it.
function materielOption(rows) {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const months = rows.length ? monthsBetween(rows[0].month, rows.at(-1).month) : [];
  const values = (get) => months.map((m) => (byMonth.has(m) ? get(byMonth.get(m)) : 0));
  return {
    ...COMMON,
    tooltip: {
      trigger: "axis",
      formatter: (items) => {
        const row = byMonth.get(months[items[0].dataIndex]);
        if (!row) return `${escape(months[items[0].dataIndex])}<br>no materiel recorded`;
        const range = row.low === row.high ? `${row.low}` : `${row.low} – ${row.high}`;
        return `${escape(row.month)}<br>${escape(range)} ${escape(row.unit)} (${plural(row.lines, "line")})`;
      },
    },
    legend: { top: 0, data: ["Low estimate", "High estimate"] },
    grid: { top: 40, left: 60, right: 16, bottom: 40 },
    xAxis: { type: "category", data: months },
    yAxis: { type: "value", name: rows.length ? rows[0].unit : "" },
    series: [
      {
        name: "Low estimate",
        type: "line",
        stack: "band",
        data: values((row) => row.low),
      },
      {
        name: "Range",
        type: "line",
        stack: "band",
        silent: true,
        symbol: "none",
        lineStyle: { opacity: 0 },
        areaStyle: { opacity: 0.25 },
        data: values((row) => row.high - row.low),
      },
      {
        name: "High estimate",
        type: "line",
        data: values((row) => row.high),
      },
    ],
  };
}

function countryOption(rows, label) {
  return {
    ...COMMON,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { top: 10, left: 10, right: 30, bottom: 20, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: rows.map((row) => row.country) },
    series: [{ name: label, type: "bar", data: rows.map((row) => row.incidents) }],
  };
}

// A chart's height follows its number of bars, so that every country stays readable.
function fitHeight(element, bars) {
  element.style.height = `${Math.max(160, 40 + 24 * bars)}px`;
}

function download(href, filename) {
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

function exportChart(chart, option, name, kind) {
  const filename = `incidents-${name}.${kind}`;
  if (kind === "png") {
    download(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }), filename);
    return;
  }
  // The page draws on a canvas; the SVG is drawn again, off the page, by the SVG renderer.
  const svg = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: chart.getWidth(),
    height: chart.getHeight(),
  });
  svg.setOption({ ...option, dataZoom: [], backgroundColor: "#fff" });
  const url = URL.createObjectURL(new Blob([svg.renderToSVGString()], { type: "image/svg+xml" }));
  svg.dispose();
  download(url, filename);
  URL.revokeObjectURL(url);
}

async function drawCharts(page) {
  const status = document.getElementById("charts-status");
  const charts = {};
  const options = {};
  const draw = (name, option) => {
    const element = page.querySelector(`[data-chart="${name}"]`);
    charts[name] ??= echarts.init(element);
    options[name] = option;
    charts[name].setOption(option, true);
  };
  const caption = (name, text) => {
    page.querySelector(`[data-caption="${name}"]`).textContent = text;
  };
  try {
    const response = await fetch(page.dataset.url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const data = await response.json();

    const table = data.per_month_by_type;
    draw("per-month", perMonthOption(table));
    caption(
      "per-month",
      table.months.length
        ? `${plural(data.found, "incident")}, ${table.months[0]} to ${table.months.at(-1)}.`
        : "No incident matches this filter.",
    );

    const select = document.getElementById("materiel-measure");
    const measures = [...new Set(data.materiel.map((row) => row.measure))];
    select.replaceChildren(...measures.map((measure) => new Option(measure, measure)));
    select.disabled = !measures.length;
    const drawMateriel = () => {
      const rows = data.materiel.filter((row) => row.measure === select.value);
      draw("materiel", materielOption(rows));
      const lines = rows.reduce((sum, row) => sum + row.lines, 0);
      caption(
        "materiel",
        rows.length
          ? `${select.value}: ${plural(lines, "materiel line")} over ${plural(rows.length, "month")}.`
          : "No materiel with a quantity in these incidents.",
      );
    };
    select.addEventListener("change", drawMateriel);
    drawMateriel();

    for (const [name, preposition] of [
      ["origin", "from"],
      ["destination", "to"],
    ]) {
      const rows = data[name];
      fitHeight(page.querySelector(`[data-chart="${name}"]`), rows.length);
      draw(name, countryOption(rows, `Incidents by ${name}`));
      const countries = plural(rows.filter((row) => row.code).length, "country", "countries");
      caption(name, `${plural(data.found, "incident")} ${preposition} ${countries}.`);
    }

    page.addEventListener("click", (event) => {
      const button = event.target.closest("[data-export]");
      if (button) {
        const name = button.dataset.exportOf;
        exportChart(charts[name], options[name], name, button.dataset.export);
      }
    });
    window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
    status.textContent = `${plural(data.found, "incident")} found.`;
    page.dataset.state = "ready";
  } catch (error) {
    status.textContent = `The charts could not be drawn: ${error.message}. Reload the page to try again.`;
    page.dataset.state = "failed";
  }
}

function drawHomeChart(element) {
  const rows = JSON.parse(document.getElementById("per-month-data").textContent);
  const chart = echarts.init(element);
  chart.setOption({
    ...COMMON,
    tooltip: { trigger: "axis" },
    grid: { top: 8, left: 30, right: 8, bottom: 20 },
    xAxis: { type: "category", data: rows.map((row) => row.month) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ name: "Incidents", type: "bar", data: rows.map((row) => row.incidents) }],
  });
  window.addEventListener("resize", () => chart.resize());
  element.dataset.state = "ready";
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.getElementById("incident-charts");
  if (page) drawCharts(page);
  const home = document.getElementById("home-per-month");
  if (home) drawHomeChart(home);
});
