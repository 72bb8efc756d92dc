//! Japanese: X首相は「…」と述べた; 「…」とX氏は語った; Xによると、「…」という.

use super::{Amount, Count, Noun, Share, Texts, Tongue, both, decimal, plain};
use crate::synth::Rng;
use crate::synth::names::Script;

/// Japanese, as the Japanese press writes it.
pub static JA: Tongue = Tongue {
    code: "ja",
    script: Script::Katakana,
    statement: |r| r.ja,
    noun,
    groups: [
        ("家族", "家族"),
        ("労働者", "労働者"),
        ("農家", "農家"),
        ("年金生活者", "年金生活者"),
        ("学生", "学生"),
        ("納税者", "納税者"),
        ("看護師", "看護師"),
        ("中小企業経営者", "中小企業経営者"),
        ("若者", "若者"),
        ("ドライバー", "ドライバー"),
        ("患者", "患者"),
        ("賃借人", "賃借人"),
    ],
    cities: [
        ("ブリュッセル", "ブリュッセルで"),
        ("リスボン", "リスボンで"),
        ("オスロ", "オスロで"),
        ("ナイロビ", "ナイロビで"),
        ("リマ", "リマで"),
        ("ソウル", "ソウルで"),
        ("マニラ", "マニラで"),
        ("オタワ", "オタワで"),
        ("ダブリン", "ダブリンで"),
        ("アクラ", "アクラで"),
        ("ハノイ", "ハノイで"),
        ("キト", "キトで"),
        ("リガ", "リガで"),
        ("チュニス", "チュニスで"),
        ("キャンベラ", "キャンベラで"),
        ("モントリオール", "モントリオールで"),
    ],
    // A title after the name where one is a title ("首相"); else the role
    // before the name and the honorific after it ("財務相の…氏"), so the
    // name is read apart from the role.
    roles: [
        both("{name}首相", "同首相"),
        both("財務相の{name}氏", "同氏"),
        both("上院議員の{name}氏", "同氏"),
        both("{name}知事", "同知事"),
        both("{name}市長", "同市長"),
        both("{name}大統領", "同大統領"),
        both("エコノミストの{name}氏", "同氏"),
        both("{name}報道官", "同報道官"),
        both("{name}報道官", "同報道官"),
        both("{name}最高経営責任者", "同氏"),
        both("保健相の{name}氏", "同氏"),
        both("労組委員長の{name}氏", "同氏"),
        both("{name}教授", "同教授"),
        both("{name}裁判長", "同裁判長"),
    ],
    gendered: &[],
    outlets: (
        "{a}{b}",
        &[
            ("東邦", "toho"),
            ("中央", "chuo"),
            ("北日本", "kitanihon"),
            ("西日本", "nishinihon"),
            ("湾岸", "wangan"),
            ("首都", "shuto"),
            ("港町", "minatomachi"),
            ("山陽", "sanyo"),
            ("東海", "tokai"),
            ("北陸", "hokuriku"),
        ],
        &[
            ("新聞", "shimbun"),
            ("日報", "nippo"),
            ("新報", "shimpo"),
            ("タイムズ", "times"),
            ("通信", "tsushin"),
            ("経済新聞", "keizai"),
            ("民報", "minpo"),
            ("日日新聞", "nichinichi"),
        ],
    ),
    weekdays: ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日"],
    headline_words: ["協議", "対立", "採決", "合意"],
    fillers: ["やはり", "確かに", "まさに", "改めて", "なお"],
    join: "。",
    text: Texts {
        title: "{t}を巡る{word}、{s}計画で{lead_last}氏が発言",
        header: "{title}\n\n{author}記者\n{date}",
        wire: "【{city}＝{agency}】当局者は火曜日、{t}と{s}を巡る計画について協議した。費用は{w_years}間で{w_cost}に上る\
               見通し。協議を率いる{titled}は、数週間以内に採決が行われる可能性があると述べた。",
        wire_day: ("火曜日", "火曜日午後"),
        lead: "【{city}＝{agency}】{city}の議員と当局者は{weekday}、{t}計画を巡り再び対立した。",
        costs: [
            "{city}の{t}計画の費用は{years}間で{money}に上ると当局者は説明した。",
            "当局者は{city}の{t}計画の費用を{money}と見積もっている。期間は{years}だ。",
            "{years}にわたる{city}の{t}計画には{money}が必要になる見込みだ。",
        ],
        polls: [
            "今週発表された世論調査では、{city}の有権者の{share}が計画を支持している。",
            "最新の世論調査で、{city}での計画への支持率は{share}だった。",
        ],
        crowd: "{city}では{weekday}、{crowd}人の{group}が{s}改革に抗議してデモ行進した。",
        intro: "{titled}は春から{t}交渉に関わってきた。",
        // After the introduction, "氏" and the full name: the particle
        // reader takes sixteen characters at most before は, which a role
        // and a long name together exceed.
        quotes: [
            "{full}氏は「{text}」と述べた。",
            "「{text}」と{full}氏は語った。",
            "{full}氏は「{text}」と強調した。",
            "「{text}」と{full}氏は付け加えた。",
            "{full}氏によると、「{text}」という。",
            "{full}氏は会合で、提案を「{frag}」と批判した。",
            "{full}氏は{city}で記者団に対し「{text}」と語った。",
        ],
        promo: "{city}で{group}が{s}改革に抗議",
        caption: "月曜日、省庁前に集まったデモ参加者 (写真: {agency}/{photographer})",
        critics: "批判派は{t}計画が{group}を置き去りにしていると指摘する一方、支持派は{year}年の{s}改革を引き合いに出している。",
        related: "関連記事：{s}を巡る{r}協議、{rcity}で難航",
    },
    money,
    share,
    percent: |p| format!("{p}%"),
    count,
    years: |n| format!("{n}年"),
    date: |m, d| format!("2024年{}月{d}日", m + 1),
    day: |m, d| format!("{}月{d}日", m + 1),
    author,
};

#[rustfmt::skip]
const TOPICS: [&str; super::TOPICS] = [
    "予算", "税", "橋", "病院", "学校", "年金", "関税", "鉄道", "港湾", "エネルギー", "水道", "住宅", "国境", "選挙",
    "ストライキ", "改革", "契約", "補助金", "ワクチン", "気候", "最低賃金", "市場", "空港", "パイプライン", "条約",
    "裁判所", "警察", "農業", "漁業", "鉱業", "家賃", "送電網",
];

const ORGS: [&str; super::ORGS] = ["IMF", "OECD", "欧州委員会", "国連", "WHO", "中央銀行", "世界銀行", "WTO"];

/// The noun: Japanese marks its role with particles the templates write.
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    if !form.is_empty() {
        return false;
    }
    out.push_str(match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    });
    true
}

/// Billions of dollars in 億 (hundred millions): 1.5 billion is 15億.
fn oku(b: f64) -> u64 {
    (b * 10.0).round() as u64
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("{}億ドル", oku(b)),
        Amount::Exact(b, 1) => format!("{}億米ドル", oku(b)),
        Amount::Exact(b, _) => format!("{}億ドル規模", oku(b)),
        Amount::Rounded(b) => format!("{}億ドル", oku(b)),
        Amount::MoreThan(b) => format!("{}億ドル超", oku(b)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{}%", decimal(p, false)),
        Share::Exact(p, _) => format!("{}パーセント", decimal(p, false)),
        Share::Rounded(p) => format!("{}%", plain(p, false)),
        Share::Nearly(p) => format!("{}%近く", plain(p, false)),
    }
}

/// A number in 万 (ten thousands), as Japanese news writes it: "1万2500".
fn man(n: u64) -> String {
    match (n / 10_000, n % 10_000) {
        (0, r) => r.to_string(),
        (m, 0) => format!("{m}万"),
        (m, r) => format!("{m}万{r}"),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) | Count::Thousands(n) => man(n),
        Count::About(n) => format!("約{}", man(n)),
    }
}

fn author(rng: &mut Rng) -> String {
    const FAMILY: [&str; 10] = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];
    const GIVEN: [&str; 10] = ["健太", "美咲", "大輔", "彩", "翔", "真由美", "拓也", "陽子", "直樹", "恵"];
    format!("{}{}", rng.pick(&FAMILY), rng.pick(&GIVEN))
}
