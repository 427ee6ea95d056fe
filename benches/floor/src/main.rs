//! The floor of issue 11's start-up target ("Start as fast as a minimal Leptos app").
//!
//! A minimal Leptos 0.8 CSR app, built exactly as the product is (release profile,
//! `erase_components`, wasm-opt `-Oz`), that draws seven zone cards from a static array.
//! `tools/bench-startup.mjs` loads it beside the product and times both to the first
//! zone card: whatever the product takes beyond this app is the product's own cost.
//! It is a benchmark fixture, not part of the product's build.

use leptos::prelude::*;

/// What a card shows: a name, where, and a line about the zone.
struct Zone {
    name: &'static str,
    place: &'static str,
    summary: &'static str,
}

const ZONES: [Zone; 7] = [
    Zone {
        name: "长治高新技术产业开发区",
        place: "山西省长治市",
        summary: "新一代信息技术、光伏光电、高端装备制造、生物医药与健康",
    },
    Zone {
        name: "太原经济技术开发区",
        place: "山西省太原市",
        summary: "新能源汽车、轨道交通装备、电子信息",
    },
    Zone {
        name: "合肥新站高新技术产业开发区",
        place: "安徽省合肥市",
        summary: "新型显示、集成电路、新能源",
    },
    Zone {
        name: "苏州工业园区",
        place: "江苏省苏州市",
        summary: "生物医药、纳米技术应用、人工智能",
    },
    Zone {
        name: "东莞松山湖高新技术产业开发区",
        place: "广东省东莞市",
        summary: "电子信息、机器人与智能装备、新材料",
    },
    Zone {
        name: "成都经济技术开发区",
        place: "四川省成都市",
        summary: "汽车整车与零部件、智能制造",
    },
    Zone {
        name: "西安高新技术产业开发区",
        place: "陕西省西安市",
        summary: "半导体、光电子、软件与信息服务",
    },
];

fn main() {
    // Main started: the wasm was fetched, compiled and instantiated.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("startup:main");
    }
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let cards = ZONES
        .iter()
        .map(|z| {
            view! {
                <li class="card" data-testid="zone-card">
                    <h3>{z.name}</h3>
                    <p class="meta">{z.place}</p>
                    <p>{z.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <main>
            <h1>"园区"</h1>
            <ul class="cards">{cards}</ul>
        </main>
    }
}
