//! Turkish.

use super::Words;
use super::speech::{Script, Speech};

/// How Turkish news attributes speech: the speaker first and the verb
/// last, X, “…” dedi; “…” diye konuştu; X'e göre, with case endings after
/// an apostrophe on names.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "tr",
    script: Script::Cased,
    verbs: Words::new(&[
        "dedi", "diyor", "demişti", "dediler", "diye", "söyledi", "söylüyor", "söylemişti", "açıkladı",
        "açıklıyor", "belirtti", "belirtiyor", "vurguladı", "vurguluyor", "ekledi", "ekliyor", "konuştu",
        "ifade", "ifadesini", "ifadelerini", "kaydetti", "kaydediyor", "uyardı", "uyarıyor", "savundu",
        "savunuyor", "bildirdi", "bildiriyor", "yazdı", "yanıtladı", "yanıt", "cevap", "cevapladı", "anlattı",
        "anlatıyor", "dile", "getirdi", "aktardı", "duyurdu", "iddia", "etti", "tepki", "gösterdi", "sözlerini",
        "sözleriyle", "kullandı", "değerlendirdi", "değerlendirmesinde", "açıklamasında", "vurgulayarak",
        "belirterek", "diyerek", "dedi.", "seslendi", "eleştirdi", "itiraf", "hatırlattı", "öne", "sürdü",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&[]),
    according: &[],
    according_after: &["göre"],
    after_quote: Words::new(&[]),
    addressees: Words::new(&[]),
    pronouns: Words::new(&["o", "kendisi"]),
    determiners: Words::new(&[]),
    indefinites: Words::new(&["bir"]),
    titles: Words::new(&[
        "bay", "bayan", "sayın", "dr.", "prof.", "doç.", "av.", "bakan", "bakanı", "başkan", "başkanı",
        "belediye", "vali", "valisi", "milletvekili", "sözcü", "sözcüsü", "müdür", "müdürü", "genel", "hakim",
        "savcı", "cumhurbaşkanı", "başbakan", "teknik", "direktör", "direktörü", "uzman", "ekonomist",
        "profesör", "rektör", "rektörü", "kaymakam", "muhtar", "komutan", "komutanı", "yetkili", "yetkilisi",
        "temsilci", "temsilcisi", "başsavcı", "başsavcısı", "sendika", "yöneticisi", "yönetici", "hoca",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "ancak", "ama", "fakat", "ve", "de", "da", "ayrıca", "bu", "şu", "o", "şimdi", "sonra", "bugün", "dün",
        "yarın", "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar", "göre", "için",
        "ile", "biz", "ben", "bunun", "üzerine", "yine", "öte", "yandan", "buna", "rağmen", "hatta", "zaten",
        "işte", "böylece", "dolayısıyla", "oysa", "kısa", "süre", "açıklamada", "konuşan",
    ]),
    name_particles: Words::new(&[]),
    phrase_ends: Words::new(&[
        "ve", "ile", "için", "de", "da", "bugün", "dün", "yaptığı", "düzenlediği", "katıldığı", "açıklamada",
        "toplantıda", "basın", "gazetecilere", "muhabirimize", "konuşan", "konuşmasında", "sonra", "önce",
    ]),
    prefixes: &[],
    apostrophe_suffixes: true,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "kaynak", "kaynağ", "tanık", "tanığ", "görgü", "sakin", "mahalleli", "yetkililer", "yetkilileri",
        "gösterici", "protestocu", "eylemci", "uzmanlar", "yakınları", "akraba", "aile", "komşu", "taraftar",
        "hayran", "işçi", "çalışan", "personel", "yolcu", "ebeveyn", "katılımcı", "gözlemci", "eleştirmen",
        "analist", "kullanıcı", "vatandaş", "kurban", "mağdur", "kazazede", "depremzede", "öğrenci", "seçmen",
        "aktivist", "izleyici", "tüketici", "çiftçi", "esnaf", "bilirkişi", "sakinler",
    ],
    bodies: &[
        "bakanlı", "hükümet", "polis", "emniyet", "jandarma", "mahkeme", "savcılı", "belediye", "valili",
        "kaymakamlı", "meclis", "konsey", "kurul", "şirket", "firma", "holding", "sendika", "parti", "kampanya",
        "ajans", "büro", "ofis", "müdürlü", "başkanlı", "cumhurbaşkanlı", "başbakanlı", "servis", "ordu",
        "kuvvet", "genelkurmay", "büyükelçili", "konsoloslu", "kulüp", "kulüb", "federasyon", "komisyon",
        "komite", "itfaiye", "meteoroloji", "hastane", "üniversite", "gazete", "televizyon", "kanal", "radyo",
        "enstitü", "dernek", "derneğ", "vakıf", "vakf", "kurum", "kuruluş", "banka", "otorite", "yönetim",
        "idare", "daire", "teşkilat", "birliği", "ittifak",
    ],
    documents: &["karar", "açıklama", "bildiri", "rapor", "gerekçe", "genelge", "tebliğ"],
    frames: Words::new(&["denildi", "denilerek", "denilen", "denildiği", "belirtildi", "belirtilerek", "ifadelerine"]),
};
