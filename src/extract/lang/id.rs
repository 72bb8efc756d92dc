//! Indonesian.

use super::Words;
use super::speech::{Script, Speech};

/// How Indonesian news attributes speech: “…” kata X; “…” ujar X; X
/// mengatakan, “…”; menurut X.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "id",
    script: Script::Cased,
    verbs: Words::new(&[
        "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "imbuh", "tambah", "sebut", "papar",
        "terang", "katanya", "ujarnya", "ucapnya", "tuturnya", "ungkapnya", "jelasnya", "tegasnya", "imbuhnya",
        "tambahnya", "sebutnya", "paparnya", "terangnya", "mengatakan", "menyatakan", "mengungkapkan",
        "menjelaskan", "menegaskan", "menambahkan", "menyebutkan", "menyebut", "memaparkan", "menerangkan",
        "berkata", "bilang", "mengaku", "menilai", "mengingatkan", "memperingatkan", "menuturkan", "menekankan",
        "menuliskan", "menulis", "menjawab", "mengklaim", "mengakui", "menganggap", "berharap", "meminta",
        "mengimbau", "bertanya", "menyampaikan", "mengemukakan", "lanjut", "lanjutnya", "pungkas", "pungkasnya",
        "kilah", "kilahnya", "seru", "serunya", "akunya", "aku",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["telah", "sudah"]),
    according: &["menurut", "berdasarkan keterangan", "seperti dikatakan", "seperti disampaikan"],
    according_after: &[],
    after_quote: Words::new(&[]),
    addressees: Words::new(&["kepada"]),
    pronouns: Words::new(&["dia", "ia", "beliau", "mereka"]),
    determiners: Words::new(&["sang", "si", "para"]),
    indefinites: Words::new(&["seorang", "sebuah", "salah"]),
    titles: Words::new(&[
        "bapak", "pak", "ibu", "bu", "dr.", "prof.", "ir.", "h.", "hj.", "menteri", "presiden", "wakil", "gubernur",
        "bupati", "wali", "kota", "camat", "lurah", "ketua", "juru", "bicara", "jubir", "direktur", "kepala",
        "kapolres", "kapolda", "kapolri", "kapolsek", "kasat", "hakim", "jaksa", "anggota", "pelatih", "pengamat",
        "ekonom", "peneliti", "dosen", "guru", "besar", "sekretaris", "jenderal", "komisaris", "utama",
        "koordinator", "manajer", "pimpinan", "dirut", "kadis", "kabid", "kasubag", "dpr", "dprd",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "namun", "tetapi", "tapi", "dan", "juga", "selain", "itu", "jadi", "kini", "sekarang", "lalu", "kemudian",
        "hari", "ini", "kemarin", "besok", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        "menurut", "di", "ke", "dari", "dengan", "untuk", "pada", "dalam", "kami", "kita", "saya", "dia", "ia",
        "sementara", "meski", "meskipun", "walaupun", "sedangkan", "bahkan", "adapun", "oleh", "karena",
        "sebelumnya", "selanjutnya", "sebab", "akan", "tidak", "sudah", "telah",
    ]),
    name_particles: Words::new(&["bin", "binti", "van", "de"]),
    phrase_ends: Words::new(&[
        "yang", "di", "ke", "dari", "saat", "ketika", "dalam", "pada", "kepada", "dan", "tetapi", "namun",
        "kemarin", "hari", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "usai", "seusai",
        "setelah", "sebelum", "kepada", "bahwa", "dengan", "kepada", "melalui", "lewat",
    ]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "sumber", "saksi", "warga", "penduduk", "pejabat", "pengunjuk", "demonstran", "massa", "pakar", "ahli",
        "pengamat", "analis", "kerabat", "keluarga", "tetangga", "penggemar", "suporter", "pendukung", "buruh",
        "pekerja", "karyawan", "pegawai", "penumpang", "orangtua", "peserta", "kritikus", "pengguna", "warganet",
        "netizen", "korban", "penyintas", "relawan", "petugas", "penyidik", "mahasiswa", "siswa", "pelajar",
        "pemilih", "jemaah", "jamaah", "aktivis", "penonton", "konsumen", "petani", "nelayan", "pedagang",
    ],
    bodies: &[
        "kementerian", "pemerintah", "pemkot", "pemkab", "pemprov", "polisi", "kepolisian", "polres",
        "polsek", "pengadilan", "mahkamah", "kejaksaan", "kejari", "balai", "dewan", "parlemen",
        "perusahaan", "perseroan", "serikat", "partai", "kampanye", "badan", "lembaga", "kantor", "dinas",
        "layanan", "tentara", "militer", "kedutaan", "kedubes", "konsulat", "klub", "federasi", "komisi",
        "komite", "pemadam", "damkar", "universitas", "kampus", "harian", "media", "stasiun", "televisi",
        "radio", "institut", "asosiasi", "organisasi", "yayasan", "bank", "otoritas", "direktorat", "departemen",
        "koalisi", "satgas", "istana", "markas",
    ],
    documents: &["putusan", "keterangan", "pernyataan", "laporan", "rilis", "edaran", "dokumen", "surat"],
    frames: Words::new(&["tertulis", "berbunyi", "disebutkan"]),
};
