//! The monthly report (月报): for a month and a zone (or all), the prospects signed,
//! started and operating in the month and year to date (三个一批), those negotiating at
//! the month's end, and a bar chart of the last 12 months; exported as CSV or as an Excel
//! workbook (numbers as numbers, days as Excel dates) with the same figures
//! (`/report?month=2026-11&zone=…`).

use leptos::prelude::*;

use super::files::{download, download_bytes};
use super::state::{tr, use_app};
use crate::dates::YearMonth;
use crate::i18n::{fmt_wan, Lang, Msg};
use crate::model::Text;
use crate::report::{month_label, monthly_report, notes, Label, MonthlyReport, BATCH};

/// Write `sheet` as a workbook in the workbook worker and offer it as `filename`;
/// `busy` while it runs, then `error` says what failed, if anything.
fn start_xlsx_export(
    sheet: crate::sheet::Sheet,
    filename: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<Text>>,
) {
    busy.set(true);
    error.set(None);
    leptos::task::spawn_local(async move {
        let result = match super::workbook::write_workbook(vec![sheet]).await {
            Ok(bytes) => download_bytes(&filename, XLSX_MIME, &bytes).map_err(|_| {
                Text::new("浏览器未能保存文件", "The browser could not save the file")
            }),
            Err(e) => Err(e),
        };
        busy.set(false);
        error.set(result.err());
    });
}

/// The type of an `.xlsx` file.
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Height of the chart's plot area in SVG units; bars scale to the largest month.
const CHART_HEIGHT: f64 = 120.0;

/// The report screen.
#[component]
pub fn Report() -> impl IntoView {
    let state = use_app();
    let query = leptos_router::hooks::use_query_map();
    let month = move || {
        query
            .with(|q| q.get("month"))
            .and_then(|m| YearMonth::parse(&m))
            .or_else(|| YearMonth::parse(&super::prospects::today()))
            .unwrap_or(YearMonth {
                year: 2026,
                month: 1,
            })
    };
    let zone = move || query.with(|q| q.get("zone")).filter(|z| !z.is_empty());
    let url = move |m: YearMonth, z: Option<String>| {
        let mut u = format!("/report?month={m}");
        if let Some(z) = z {
            u.push_str("&zone=");
            u.push_str(&super::routes::encode(&z));
        }
        u
    };
    let report = Memo::new(move |_| {
        let z = zone();
        // Prospects count under their best zone only in a one-zone report.
        let best = if z.is_some() {
            state.best_zones.get()
        } else {
            Vec::new()
        };
        state
            .data
            .with(|d| monthly_report(&d.prospects, &best, month(), z.as_deref()))
    });
    let export = move |_| {
        let lang = state.lang.get_untracked();
        let r = report.get_untracked();
        let best = state.best_zones.get_untracked();
        let text = state
            .data
            .with_untracked(|d| crate::csv::report_to_csv(&r, &d.prospects, &d.zones, &best, lang));
        let _ = download(
            &format!("zonematch-report-{}.csv", r.month),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    // The workbook is written in the workbook worker, loaded on the first export.
    let xlsx_busy = RwSignal::new(false);
    let xlsx_error = RwSignal::new(None::<Text>);
    let export_xlsx = move |_| {
        if xlsx_busy.get_untracked() {
            return;
        }
        let lang = state.lang.get_untracked();
        let r = report.get_untracked();
        let best = state.best_zones.get_untracked();
        let sheet = state
            .data
            .with_untracked(|d| crate::csv::report_sheet(&r, &d.prospects, &d.zones, &best, lang));
        let filename = format!(
            "zonematch-report-{:04}{:02}.xlsx",
            r.month.year, r.month.month
        );
        start_xlsx_export(sheet, filename, xlsx_busy, xlsx_error);
    };
    let xlsx_label = move || match (state.lang.get(), xlsx_busy.get()) {
        (Lang::Zh, false) => "导出 Excel",
        (Lang::Zh, true) => "正在生成 Excel…",
        (Lang::En, false) => "Export Excel",
        (Lang::En, true) => "Writing the workbook…",
    };
    let xlsx_message =
        move || xlsx_error.with(|e| e.as_ref().map(|e| e.get(state.lang.get()).to_string()));
    let zone_options = move || super::zones::zone_options(&zone().unwrap_or_default());
    view! {
        <section class="page report" data-testid="report">
            <div class="page-head no-print">
                <h2>{move || Label::Title.text(state.lang.get())}</h2>
                <button class="primary" data-testid="export-report" on:click=export>{tr(Msg::ExportReportCsv)}</button>
                <button data-testid="export-report-xlsx" on:click=export_xlsx prop:disabled=move || xlsx_busy.get()>
                    {xlsx_label}
                </button>
            </div>
            <p
                class="error-box no-print"
                role="alert"
                data-testid="export-report-xlsx-error"
                hidden=move || xlsx_error.with(Option::is_none)
            >
                {xlsx_message}
            </p>
            <div class="filters no-print">
                <label>
                    {move || Label::Month.text(state.lang.get())} " "
                    <input
                        type="month"
                        data-testid="report-month"
                        prop:value=move || month().to_string()
                        on:change=move |ev| {
                            if let Some(m) = YearMonth::parse(&event_target_value(&ev)) {
                                state.replace_url(&url(m, zone()));
                            }
                        }
                    />
                </label>
                <label>
                    {move || Label::Zone.text(state.lang.get())} " "
                    <select
                        data-testid="report-zone"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.replace_url(&url(month(), (!v.is_empty()).then_some(v)));
                        }
                    >
                        <option value="" selected=move || zone().is_none()>{move || Label::AllZones.text(state.lang.get())}</option>
                        {zone_options}
                    </select>
                </label>
            </div>
            {move || figures(&report.get(), state.lang.get())}
        </section>
    }
}

fn figures(r: &MonthlyReport, lang: Lang) -> impl IntoView {
    let money = |t: &crate::report::Tally| {
        if t.summed == 0 {
            "—".to_string()
        } else {
            fmt_wan(t.investment_wan, lang)
        }
    };
    let rows = (0..BATCH.len())
        .map(|k| {
            let (m, y) = (&r.in_month[k], &r.year_to_date[k]);
            view! {
                <tr data-row=format!("{:?}", BATCH[k]).to_lowercase()>
                    <th scope="row">{Label::batch(k).text(lang)}</th>
                    <td data-testid="month-count">{m.count}</td>
                    <td data-testid="month-investment">{money(m)}</td>
                    <td data-testid="year-count">{y.count}</td>
                    <td data-testid="year-investment">{money(y)}</td>
                </tr>
            }
        })
        .collect_view();
    let n = &r.negotiating;
    let notes = notes(r, lang)
        .into_iter()
        .map(|t| view! { <li>{t}</li> })
        .collect_view();
    view! {
        <h3>{month_label(r.month, lang)}</h3>
        <table class="report-table" data-testid="report-table">
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{Label::MonthCount.text(lang)}</th>
                    <th scope="col">{Msg::ReportInvestment.text(lang)}</th>
                    <th scope="col">{Label::YearCount.text(lang)}</th>
                    <th scope="col">{Msg::ReportInvestmentYear.text(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {rows}
                <tr data-row="negotiating">
                    <th scope="row">{Label::Negotiating.text(lang)}</th>
                    <td data-testid="month-count">{n.count}</td>
                    <td data-testid="month-investment">{money(n)}</td>
                    <td></td>
                    <td></td>
                </tr>
            </tbody>
        </table>
        <h3>{Label::Last12Months.text(lang)}</h3>
        {chart(r, lang)}
        <ul class="notes">{notes}</ul>
    }
}

/// Grouped bars (signed, started, operating) per month, drawn as SVG by the app.
fn chart(r: &MonthlyReport, lang: Lang) -> impl IntoView {
    let max = r
        .series
        .iter()
        .flat_map(|p| p.counts)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let group = 30.0;
    let width = group * r.series.len() as f64 + 10.0;
    let bars = r
        .series
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x0 = 10.0 + i as f64 * group;
            let bars = (0..3)
                .map(|k| {
                    let h = p.counts[k] as f64 / max * CHART_HEIGHT;
                    let title = format!("{} {}: {}", month_label(p.month, lang), Label::batch(k).text(lang), p.counts[k]);
                    view! {
                        <rect class=format!("chart-bar chart-bar-{k}") x=(x0 + k as f64 * 8.0).to_string() y=(CHART_HEIGHT - h + 10.0).to_string() width="7" height=h.to_string()>
                            <title>{title}</title>
                        </rect>
                    }
                })
                .collect_view();
            let label = format!("{:02}", p.month.month);
            view! {
                <g data-month=p.month.to_string() data-counts=format!("{},{},{}", p.counts[0], p.counts[1], p.counts[2])>
                    {bars}
                    <text x=(x0 + 12.0).to_string() y=(CHART_HEIGHT + 24.0).to_string() text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
    let legend = (0..3)
        .map(|k| view! { <span class=format!("legend legend-{k}")>{Label::batch(k).text(lang)}</span> })
        .collect_view();
    view! {
        <figure class="chart">
            <svg data-testid="report-chart" viewBox=format!("0 0 {width} {}", CHART_HEIGHT + 30.0) role="img" aria-label=Label::Last12Months.text(lang)>
                {bars}
            </svg>
            <figcaption>{legend}</figcaption>
        </figure>
    }
}
