//! The people of the corpus and how each language's press writes their
//! names: Latin-script languages keep them as they are, Russian writes them
//! in Cyrillic (and a woman's Slavic surname in its feminine form),
//! Japanese in katakana, Chinese in characters. Each name has one spelling
//! per script, so a person is written the same way in every article of a
//! language.

/// A given name, its spellings, and whether the person is a woman (which
/// picks the forms of roles, verbs and surnames that agree with it).
pub(super) struct First {
    /// As written in Latin script.
    pub latin: &'static str,
    /// Russian.
    pub ru: &'static str,
    /// Japanese (katakana).
    pub ja: &'static str,
    /// Chinese.
    pub zh: &'static str,
    /// A woman's name.
    pub female: bool,
}

/// A family name and its spellings; `(man's form, woman's form)` where a
/// script inflects it for gender.
pub(super) struct Last {
    /// As written in Latin script.
    pub latin: &'static str,
    /// Russian.
    pub ru: (&'static str, &'static str),
    /// Japanese (katakana).
    pub ja: (&'static str, &'static str),
    /// Chinese: the family name alone, as Chinese news names a foreigner.
    pub zh: (&'static str, &'static str),
}

const fn first(latin: &'static str, ru: &'static str, ja: &'static str, zh: &'static str, female: bool) -> First {
    First { latin, ru, ja, zh, female }
}

const fn last(latin: &'static str, ru: &'static str, ja: &'static str, zh: &'static str) -> Last {
    Last { latin, ru: (ru, ru), ja: (ja, ja), zh: (zh, zh) }
}

/// A family name with a feminine form: (Latin, then man's and woman's
/// forms in Russian, Japanese and Chinese).
const fn slavic(latin: &'static str, ru: [&'static str; 2], ja: [&'static str; 2], zh: [&'static str; 2]) -> Last {
    Last { latin, ru: (ru[0], ru[1]), ja: (ja[0], ja[1]), zh: (zh[0], zh[1]) }
}

#[rustfmt::skip]
pub(super) static FIRST: [First; 50] = [
    first("Anna", "Анна", "アンナ", "安娜", true), first("Ben", "Бен", "ベン", "本", false),
    first("Carla", "Карла", "カルラ", "卡拉", true), first("David", "Дэвид", "デビッド", "戴维", false),
    first("Elena", "Елена", "エレナ", "埃琳娜", true), first("Farid", "Фарид", "ファリド", "法里德", false),
    first("Grace", "Грейс", "グレース", "格蕾丝", true), first("Hiro", "Хиро", "ヒロ", "希罗", false),
    first("Ines", "Инес", "イネス", "伊内丝", true), first("Jonas", "Йонас", "ヨナス", "约纳斯", false),
    first("Kemal", "Кемаль", "ケマル", "凯末尔", false), first("Laura", "Лаура", "ラウラ", "劳拉", true),
    first("Marco", "Марко", "マルコ", "马可", false), first("Nadia", "Надия", "ナディア", "纳迪娅", true),
    first("Omar", "Омар", "オマル", "奥马尔", false), first("Priya", "Прия", "プリヤ", "普丽娅", true),
    first("Quinn", "Куинн", "クイン", "奎因", false), first("Rosa", "Роза", "ロサ", "罗莎", true),
    first("Samuel", "Сэмюэл", "サミュエル", "塞缪尔", false), first("Tara", "Тара", "タラ", "塔拉", true),
    first("Umar", "Умар", "ウマル", "乌马尔", false), first("Vera", "Вера", "ベラ", "薇拉", true),
    first("Wen", "Вэнь", "ウェン", "文", false), first("Ximena", "Химена", "ヒメナ", "希梅娜", true),
    first("Yusuf", "Юсуф", "ユスフ", "优素福", false), first("Zoe", "Зои", "ゾーイ", "佐伊", true),
    first("Alice", "Элис", "アリス", "爱丽丝", true), first("Bruno", "Бруно", "ブルーノ", "布鲁诺", false),
    first("Chen", "Чэнь", "チェン", "晨", false), first("Dana", "Дана", "ダナ", "达娜", true),
    first("Emil", "Эмиль", "エミール", "埃米尔", false), first("Fatima", "Фатима", "ファティマ", "法蒂玛", true),
    first("Gustav", "Густав", "グスタフ", "古斯塔夫", false), first("Hana", "Хана", "ハナ", "哈娜", true),
    first("Ivan", "Иван", "イワン", "伊万", false), first("Julia", "Юлия", "ユリア", "尤利娅", true),
    first("Kofi", "Кофи", "コフィ", "科菲", false), first("Lena", "Лена", "レナ", "莉娜", true),
    first("Mateo", "Матео", "マテオ", "马特奥", false), first("Nora", "Нора", "ノラ", "诺拉", true),
    first("Oscar", "Оскар", "オスカル", "奥斯卡", false), first("Paula", "Паула", "パウラ", "保拉", true),
    first("Rafael", "Рафаэль", "ラファエル", "拉斐尔", false), first("Sofia", "София", "ソフィア", "索菲娅", true),
    first("Tomas", "Томас", "トマス", "托马斯", false), first("Ulla", "Улла", "ウラ", "乌拉", true),
    first("Victor", "Виктор", "ビクトル", "维克多", false), first("Wanda", "Ванда", "ワンダ", "旺达", true),
    first("Yara", "Яра", "ヤラ", "雅拉", true), first("Zeke", "Зик", "ジーク", "齐克", false),
];

#[rustfmt::skip]
pub(super) static LAST: [Last; 54] = [
    last("Adler", "Адлер", "アドラー", "阿德勒"), last("Baptiste", "Батист", "バティスト", "巴蒂斯特"),
    last("Castillo", "Кастильо", "カスティーヨ", "卡斯蒂略"), last("Duarte", "Дуарте", "ドゥアルテ", "杜阿尔特"),
    last("Eriksen", "Эриксен", "エリクセン", "埃里克森"), last("Fontaine", "Фонтен", "フォンテーヌ", "方丹"),
    last("Gallo", "Галло", "ガッロ", "加洛"), last("Haddad", "Хаддад", "ハダド", "哈达德"),
    last("Ishikawa", "Исикава", "イシカワ", "石川"), last("Jansen", "Янсен", "ヤンセン", "扬森"),
    slavic("Kowalski", ["Ковальский", "Ковальская"], ["コワルスキ", "コワルスカ"], ["科瓦尔斯基", "科瓦尔斯卡"]),
    last("Lindqvist", "Линдквист", "リンドクビスト", "林奎斯特"), last("Moreau", "Моро", "モロー", "莫罗"),
    last("Nakamura", "Накамура", "ナカムラ", "中村"), last("Okafor", "Окафор", "オカフォー", "奥卡福"),
    slavic("Petrov", ["Петров", "Петрова"], ["ペトロフ", "ペトロワ"], ["彼得罗夫", "彼得罗娃"]),
    last("Quintero", "Кинтеро", "キンテロ", "金特罗"), last("Rossi", "Росси", "ロッシ", "罗西"),
    last("Sato", "Сато", "サトウ", "佐藤"), last("Tanaka", "Танака", "タナカ", "田中"),
    last("Ueda", "Уэда", "ウエダ", "上田"), last("Vargas", "Варгас", "バルガス", "巴尔加斯"),
    last("Weber", "Вебер", "ウェーバー", "韦伯"), last("Xu", "Сюй", "シュー", "徐"),
    last("Yilmaz", "Йылмаз", "ユルマズ", "耶尔马兹"), last("Zimmer", "Циммер", "ツィマー", "齐默"),
    last("Abbott", "Эбботт", "アボット", "阿博特"), last("Brandt", "Брандт", "ブラント", "勃兰特"),
    last("Cortez", "Кортес", "コルテス", "科尔特斯"), last("Dubois", "Дюбуа", "デュボワ", "迪布瓦"),
    last("Ellison", "Эллисон", "エリソン", "埃利森"), last("Fischer", "Фишер", "フィッシャー", "菲舍尔"),
    last("Grant", "Грант", "グラント", "格兰特"), last("Holm", "Хольм", "ホルム", "霍尔姆"),
    slavic("Ivanova", ["Иванов", "Иванова"], ["イワノフ", "イワノワ"], ["伊万诺夫", "伊万诺娃"]),
    last("Jovanovic", "Йованович", "ヨバノビッチ", "约万诺维奇"), last("Keller", "Келлер", "ケラー", "凯勒"),
    last("Lopez", "Лопес", "ロペス", "洛佩斯"), last("Mendes", "Мендес", "メンデス", "门德斯"),
    last("Novak", "Новак", "ノバク", "诺瓦克"), last("Olsen", "Ольсен", "オルセン", "奥尔森"),
    last("Park", "Пак", "パク", "朴"), last("Ramos", "Рамос", "ラモス", "拉莫斯"),
    last("Schmidt", "Шмидт", "シュミット", "施密特"), last("Torres", "Торрес", "トレス", "托雷斯"),
    last("Ulrich", "Ульрих", "ウルリッヒ", "乌尔里希"), last("Varga", "Варга", "バルガ", "瓦尔加"),
    last("Walsh", "Уолш", "ウォルシュ", "沃尔什"), last("Young", "Янг", "ヤング", "杨"),
    last("Zhou", "Чжоу", "チョウ", "周"), last("Berg", "Берг", "バーグ", "伯格"),
    last("Carter", "Картер", "カーター", "卡特"), last("Diaz", "Диас", "ディアス", "迪亚斯"),
    last("Evans", "Эванс", "エバンズ", "埃文斯"),
];

/// How a language writes people's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    /// As they are: "Anna Adler".
    Latin,
    /// In Cyrillic, the surname in the person's gender: "Анна Петрова".
    Cyrillic,
    /// In katakana, given name first with a middle dot: "アンナ・アドラー".
    /// Japanese news repeats the full name: a surname alone would read as
    /// someone else.
    Katakana,
    /// In characters, the family name alone ("阿德勒"), as Chinese news
    /// names a foreigner; a family name of one character takes the given
    /// name after it ("徐安娜"), as Chinese names are written.
    Han,
}

impl Script {
    /// Whether words are separated by spaces (not in Japanese or Chinese).
    pub fn spaced(self) -> bool {
        matches!(self, Script::Latin | Script::Cyrillic)
    }
}

/// A person quoted in the corpus: indices into [`FIRST`], [`LAST`] and the
/// languages' role tables.
pub(super) struct Person {
    pub first: usize,
    pub last: usize,
    pub role: usize,
}

impl Person {
    /// Whether roles, verbs and surnames take their feminine forms.
    pub fn female(&self) -> bool {
        FIRST[self.first].female
    }

    /// The name in full and the short form used after it, as `script`
    /// writes them.
    pub fn names(&self, script: Script) -> (String, String) {
        let (f, l) = (&FIRST[self.first], &LAST[self.last]);
        let pick = |(man, woman): (&'static str, &'static str)| if f.female { woman } else { man };
        match script {
            Script::Latin => (format!("{} {}", f.latin, l.latin), l.latin.to_owned()),
            Script::Cyrillic => (format!("{} {}", f.ru, pick(l.ru)), pick(l.ru).to_owned()),
            Script::Katakana => {
                let full = format!("{}・{}", f.ja, pick(l.ja));
                (full.clone(), full)
            }
            Script::Han => {
                let family = pick(l.zh);
                let name = if family.chars().count() == 1 { format!("{family}{}", f.zh) } else { family.to_owned() };
                (name.clone(), name)
            }
        }
    }
}
