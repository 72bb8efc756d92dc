//! Chinese: X表示：“…”; “…”X说; X认为，“…”.

use super::{Amount, Count, Noun, Share, Texts, Tongue, both, decimal, plain};
use crate::synth::Rng;
use crate::synth::names::Script;

/// Chinese (simplified), as the mainland press writes it.
pub static ZH: Tongue = Tongue {
    code: "zh",
    script: Script::Han,
    statement: |r| r.zh,
    noun,
    groups: [
        ("家庭", "家庭"),
        ("工人", "工人"),
        ("农民", "农民"),
        ("退休人员", "退休人员"),
        ("学生", "学生"),
        ("纳税人", "纳税人"),
        ("护士", "护士"),
        ("小企业主", "小企业主"),
        ("年轻人", "年轻人"),
        ("司机", "司机"),
        ("患者", "患者"),
        ("租户", "租户"),
    ],
    cities: [
        ("布鲁塞尔", "在布鲁塞尔"),
        ("里斯本", "在里斯本"),
        ("奥斯陆", "在奥斯陆"),
        ("内罗毕", "在内罗毕"),
        ("利马", "在利马"),
        ("首尔", "在首尔"),
        ("马尼拉", "在马尼拉"),
        ("渥太华", "在渥太华"),
        ("都柏林", "在都柏林"),
        ("阿克拉", "在阿克拉"),
        ("河内", "在河内"),
        ("基多", "在基多"),
        ("里加", "在里加"),
        ("突尼斯", "在突尼斯"),
        ("堪培拉", "在堪培拉"),
        ("蒙特利尔", "在蒙特利尔"),
    ],
    // The title before the name ("总理阿德勒"), the same for a man and a
    // woman; alone, after "这位" with the title's last word, which names
    // the office ("这位部长").
    roles: [
        both("总理{name}", "这位总理"),
        both("财政部长{name}", "这位部长"),
        both("参议员{name}", "这位议员"),
        both("省长{name}", "这位省长"),
        both("市长{name}", "这位市长"),
        both("总统{name}", "这位总统"),
        both("经济研究员{name}", "这位研究员"),
        both("发言人{name}", "这位发言人"),
        both("发言人{name}", "这位发言人"),
        both("首席执行官{name}", "这位首席执行官"),
        both("卫生部长{name}", "这位部长"),
        both("工会主席{name}", "这位主席"),
        both("教授{name}", "这位教授"),
        both("法官{name}", "这位法官"),
    ],
    gendered: &[],
    outlets: (
        "{a}{b}",
        &[
            ("东方", "dongfang"),
            ("南方", "nanfang"),
            ("北方", "beifang"),
            ("滨海", "binhai"),
            ("都市", "dushi"),
            ("华夏", "huaxia"),
            ("江南", "jiangnan"),
            ("西部", "xibu"),
            ("中原", "zhongyuan"),
            ("海峡", "haixia"),
        ],
        &[
            ("日报", "ribao"),
            ("晚报", "wanbao"),
            ("时报", "shibao"),
            ("新闻", "xinwen"),
            ("周刊", "zhoukan"),
            ("商报", "shangbao"),
            ("早报", "zaobao"),
            ("快报", "kuaibao"),
        ],
    ),
    weekdays: ["周一", "周二", "周三", "周四", "周五"],
    headline_words: ["谈判", "争议", "表决", "协议"],
    fillers: ["确实", "仍然", "的确", "显然", "无疑"],
    join: "。",
    text: Texts {
        title: "{t}{word}：{lead_last}谈{s}计划",
        header: "{title}\n\n记者 {author}\n{date}",
        wire: "【{agency}{city}电】官员们周二开会讨论{t}和{s}方案，这些方案将在{w_years}内耗资{w_cost}。主持谈判的{titled}\
               表示，投票可能在几周内举行。",
        wire_day: ("周二", "周二下午"),
        lead: "【{agency}{city}{day}电】{city}的议员和官员{weekday}再次就{t}计划发生争执。",
        costs: [
            "官员表示，{city}的{lead_last}{t}计划将在{years}内耗资{money}。",
            "官员估计，{city}{t}计划的成本为{money}，分{years}支出。",
            "为期{years}的{city}{t}计划预计将耗资{money}。",
        ],
        polls: [
            "本周公布的一项民调显示，{city}有{share}的选民支持该计划。",
            "最新民调显示，{city}对该计划的支持率为{share}。",
        ],
        crowd: "{weekday}，{crowd}名{group}在{city}游行，抗议{s}改革。",
        intro: "{titled}曾多次参与{t}谈判。",
        quotes: [
            "{titled}表示：“{text}。”",
            "“{text}。”{last}说。",
            "{last}指出：“{text}。”",
            "“{text}，”{role}补充说。",
            "{last}认为，“{text}。”",
            "{last}在会上称，该提案“{frag}”。",
            "{last}在{city}对记者说：“{text}。”",
        ],
        promo: "{city}{group}抗议{s}改革",
        caption: "周一，抗议者聚集在部委大楼外。(图: {agency}/{photographer})",
        critics: "批评者认为，{t}计划忽视了{group}的利益，而支持者则援引{year}年的{s}改革。",
        related: "相关阅读：{rcity}{r}谈判陷入僵局",
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
    "预算", "税收", "大桥", "医院", "学校", "养老金", "关税", "铁路", "港口", "能源", "供水", "住房", "边境", "选举",
    "罢工", "改革", "合同", "补贴", "疫苗", "气候", "最低工资", "市场", "机场", "管道", "条约", "法院", "警察", "农业",
    "渔业", "采矿业", "房租", "电网",
];

const ORGS: [&str; super::ORGS] =
    ["国际货币基金组织", "经合组织", "欧盟委员会", "联合国", "世卫组织", "央行", "世界银行", "世贸组织"];

/// The noun: Chinese does not inflect it.
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

/// Billions of dollars in 亿 (hundred millions): 1.5 billion is 15亿.
fn yi(b: f64) -> u64 {
    (b * 10.0).round() as u64
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("{}亿美元", yi(b)),
        Amount::Exact(b, 1) => format!("{}亿美元资金", yi(b)),
        Amount::Exact(b, _) => format!("{}亿美金", yi(b)),
        Amount::Rounded(b) => format!("{}亿美元", yi(b)),
        Amount::MoreThan(b) => format!("超过{}亿美元", yi(b)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{}%", decimal(p, false)),
        Share::Exact(p, _) => format!("百分之{}", decimal(p, false)),
        Share::Rounded(p) => format!("{}%", plain(p, false)),
        Share::Nearly(p) => format!("近{}%", plain(p, false)),
    }
}

/// A number in 万 (ten thousands) with decimals, as Chinese news writes
/// it: "1.25万".
fn wan(n: u64) -> String {
    if n < 10_000 {
        return n.to_string();
    }
    let s = format!("{:.4}", n as f64 / 10_000.0);
    format!("{}万", s.trim_end_matches('0').trim_end_matches('.'))
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) | Count::Thousands(n) => wan(n),
        Count::About(n) => format!("约{}", wan(n)),
    }
}

fn author(rng: &mut Rng) -> String {
    const FAMILY: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    const GIVEN: [&str; 10] = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "军", "杰"];
    format!("{}{}", rng.pick(&FAMILY), rng.pick(&GIVEN))
}
