# ruff: noqa: E501 (prose: one paragraph to a line, as editors will see it)
# Machine-drafted from en.py: loaded as "machine_drafted" until a Polish speaker approves it.
TEXTS = {
    "welcome": (
        "Witamy w Walsall",
        """Witamy w Walsall. W gminie mieszka około 284 000 osób, w miastach i wsiach takich jak Walsall, Bloxwich, Willenhall, Darlaston, Brownhills i Aldridge. Mieszkańcy mówią wieloma językami i pochodzą z całego świata.

Ten pakiet informuje o usługach w pobliżu Twojego domu, o tym, gdzie uczyć się angielskiego, o Twoich prawach i obowiązkach, o zgłaszaniu przestępstw z nienawiści oraz o tym, jak poznać ludzi.

Usługi w tym pakiecie są bezpłatne, chyba że napisano inaczej. Zeskanuj kod QR lub wpisz krótki link, aby zobaczyć aktualne informacje.""",
        """Witamy w Walsall.
Ten pakiet jest dla Ciebie.
Mówi o pomocy blisko Twojego domu.
Mówi o Twoich prawach.
Mówi, jak poznać ludzi.""",
    ),
    "your-area": (
        "Poznaj swoją okolicę",
        """Walsall ma 20 okręgów (wards). Każdy okręg ma 3 radnych, z którymi możesz się skontaktować w sprawie lokalnych problemów. Znajdź swoich na [go.walsall.gov.uk](https://go.walsall.gov.uk).

- **Biblioteki** są bezpłatne. Możesz wypożyczać książki (niektóre w innych językach), korzystać z komputerów i internetu oraz dowiedzieć się, co dzieje się w okolicy.
- **Punkty zbiórki odpadów (household waste recycling centres)** przy Fryers Road w Bloxwich i Merchants Way w Aldridge przyjmują duże przedmioty i surowce, których nie można wrzucić do pojemników.
- **Places of Welcome** to przyjazne miejsca, często w domach kultury i kościołach, otwarte dla każdego co tydzień o tej samej porze. Można tam bezpłatnie napić się czegoś i porozmawiać.""",
        """Twoja okolica ma 3 radnych.
Mogą pomóc w lokalnych sprawach.
Biblioteki są bezpłatne.
W bibliotece możesz korzystać z internetu.
Places of Welcome to przyjazne miejsca.
Możesz tam dostać darmowy napój i porozmawiać.""",
    ),
    "learning-english": (
        "Nauka angielskiego",
        """Znajomość angielskiego pomaga znaleźć pracę, rozmawiać ze szkołą dzieci i z lekarzem oraz poznawać przyjaciół.

- **Kursy ESOL** (angielski dla osób, dla których nie jest to język ojczysty) są dla dorosłych, od poziomu początkującego do zaawansowanego. Często są bezpłatne, jeśli masz niskie dochody lub otrzymujesz niektóre zasiłki. Przy pierwszej wizycie organizator sprawdzi Twój poziom.
- **Kluby konwersacyjne** to nieformalne grupy, w których ćwiczysz mówienie po angielsku przy herbacie. Są bezpłatne i nie trzeba się zapisywać.

Kursy najbliżej Ciebie są wymienione poniżej.""",
        """Nauka angielskiego Ci pomoże.
Możesz chodzić na kurs.
Kursy są często bezpłatne.
Możesz chodzić do klubu konwersacyjnego.
Ćwiczysz tam mówienie po angielsku.
Nie musisz się zapisywać.""",
    ),
    "renting": (
        "Wynajem mieszkania: Twoje prawa",
        """Jeśli wynajmujesz od prywatnego właściciela w Anglii, chroni Cię ustawa Renters' Rights Act. Od 1 maja 2026 r.:

- właściciel nie może Cię eksmitować bez powodu (eksmisje „bez winy” zostały zniesione). Musi podać powód przewidziany prawem i wystąpić do sądu
- czynsz może wzrosnąć tylko raz w roku, z 2-miesięcznym pisemnym wypowiedzeniem. Niesprawiedliwą podwyżkę możesz zaskarżyć do trybunału
- właściciel nie może Ci odmówić, bo masz dzieci lub otrzymujesz zasiłki
- możesz poprosić o zgodę na zwierzę, a właściciel nie może odmówić bez ważnego powodu
- możesz zakończyć najem z 2-miesięcznym wypowiedzeniem

Właściciel musi zabezpieczyć Twoją kaucję w rządowym programie w ciągu 30 dni, naprawiać budynek, ogrzewanie, ciepłą wodę i toalety, co roku sprawdzać instalację gazową, a co 5 lat elektryczną, oraz zamontować czujniki dymu. Zwykle musi uprzedzić Cię o wizycie 24 godziny wcześniej.

Twoje obowiązki: płać czynsz na czas, dbaj o mieszkanie, szybko zgłaszaj usterki i nie przeszkadzaj sąsiadom.""",
        """Właściciel musi dbać o bezpieczeństwo mieszkania.
Właściciel musi robić naprawy.
Właściciel nie może Cię wyrzucić bez powodu.
Czynsz może wzrosnąć tylko raz w roku.
Musisz płacić czynsz na czas.
Musisz dbać o mieszkanie.""",
    ),
    "rogue-landlords": (
        "Problemy z właścicielem mieszkania",
        """Przestępstwem jest, gdy właściciel wyrzuca Cię bez nakazu sądu, zmienia zamki pod Twoją nieobecność, odcina gaz, prąd lub wodę albo Ci grozi.

Jeśli mieszkanie jest niebezpieczne, zimne, wilgotne lub przeludnione albo właściciel nie chce robić napraw:

- napisz do właściciela (SMS lub e-mail wystarczy) i zachowaj kopię
- zadzwoń do zespołu ds. prywatnych mieszkań Rady Walsall (private sector housing team): 01922 650000. Mogą obejrzeć mieszkanie i zmusić właściciela do napraw
- skorzystaj z bezpłatnej porady Shelter: 0808 800 4444 lub Citizens Advice: 0800 144 8848

Jeśli ktoś właśnie teraz wyrzuca Cię z domu, zadzwoń na policję: 999.""",
        """Niektórzy właściciele łamią prawo.
Właściciel nie może zamknąć Cię na zewnątrz.
Właściciel nie może Ci grozić.
Mieszkanie jest niebezpieczne lub wilgotne?
Zadzwoń do Rady Walsall: 01922 650000.
Grozi Ci niebezpieczeństwo? Dzwoń 999.""",
    ),
    "council-tax": (
        "Podatek lokalny (council tax)",
        """Większość dorosłych mieszkających w Anglii płaci council tax. Z tego podatku opłacane są usługi lokalne, np. wywóz śmieci, biblioteki, parki i opieka społeczna.

- Kwota zależy od pasma wyceny domu, od A (najniższe) do H (najwyższe). Pasmo jest podane na rachunku.
- Powiadom Radę Walsall, gdy się wprowadzisz, aby rachunek był prawidłowy.
- Zwykle płaci się w 10 ratach miesięcznych. Możesz poprosić o 12 rat.
- Jeśli jesteś jedyną dorosłą osobą w domu, dostajesz 25% zniżki.
- Jeśli masz niskie dochody, złóż wniosek o Council Tax Reduction.
- Studenci dzienni zwykle nie płacą.

Jeśli nie możesz zapłacić, od razu zadzwoń do rady: 01922 650000. Można ustalić plan spłaty. Niezapłacony podatek może skończyć się w sądzie i dodatkowymi kosztami.""",
        """Council tax to opłata za usługi lokalne.
Płaci ją większość dorosłych.
Powiadom radę, gdy się wprowadzisz.
Mieszkasz sam? Płacisz mniej.
Masz niskie dochody? Poproś o pomoc.
Nie możesz zapłacić? Szybko zadzwoń do rady.""",
    ),
    "bins-recycling": (
        "Pojemniki na śmieci i recykling",
        """Rada Walsall odbiera śmieci co dwa tygodnie. Sprawdź dzień odbioru na [go.walsall.gov.uk](https://go.walsall.gov.uk) i wystaw pojemniki do 7:00.

- **Zielony pojemnik**: czyste surowce: papier, karton, puszki, plastikowe butelki, szklane butelki i słoiki
- **Szary pojemnik**: wszystko inne, czego nie da się przetworzyć
- **Brązowy pojemnik**: odpady ogrodowe (za tę usługę płaci się roczną opłatę)

Duże przedmioty, np. meble, możesz oddać w ramach zamówionego odbioru albo zawieźć do punktu zbiórki odpadów. Zostawianie śmieci na ulicy lub w zaułku to nielegalne wyrzucanie odpadów (fly-tipping): jest przestępstwem i grozi za nie grzywna.""",
        """Surowce wrzucaj do zielonego pojemnika.
Inne śmieci wrzucaj do szarego pojemnika.
Wystaw pojemniki rano w dniu odbioru.
Nie zostawiaj śmieci na ulicy.
To jest niezgodne z prawem.""",
    ),
    "noise": (
        "Hałas i dobre sąsiedztwo",
        """Każdy ma prawo do spokoju we własnym domu. Prosimy nie hałasować, zwłaszcza od 23:00 do 7:00: muzyka, imprezy, krzyki, remonty i szczekające psy mogą przeszkadzać sąsiadom.

Jeśli przeszkadza Ci hałas sąsiada, najpierw spokojnie z nim porozmawiaj. Jeśli to nie pomoże, zgłoś to Radzie Walsall: 01922 650000. Rada może zbadać sprawę i podjąć działania wobec powtarzającego się hałasu.""",
        """W nocy zachowuj ciszę.
Noc to czas od 23:00 do 7:00.
Sąsiad jest za głośno?
Najpierw z nim porozmawiaj.
Potem powiedz radzie.""",
    ),
    "gp": (
        "Rejestracja u lekarza rodzinnego (GP)",
        """Zarejestruj się u lekarza rodzinnego (GP) jak najszybciej, zanim zachorujesz. Wizyta u GP jest bezpłatna.

- Każdy w Anglii może zarejestrować się w przychodni GP.
- **Nie potrzebujesz potwierdzenia adresu, statusu imigracyjnego, dowodu tożsamości ani numeru NHS.** Przychodnia nie powinna Ci odmówić, jeśli ich nie masz.
- Zapytaj w przychodni lub zarejestruj się online. Przychodnię w pobliżu znajdziesz na [nhs.uk](https://www.nhs.uk/service-search/find-a-gp).
- Możesz poprosić o tłumacza na wizyty. Jest bezpłatny.

Przy lekach i drobnych dolegliwościach pomoże apteka, bez umawiania wizyty. W pilnych sprawach dzwoń pod 111.""",
        """Zapisz się do lekarza blisko domu.
Taki lekarz to GP.
To nic nie kosztuje.
Nie potrzebujesz potwierdzenia adresu.
Możesz poprosić o tłumacza.
Tłumacz też jest bezpłatny.""",
    ),
    "register-to-vote": (
        "Rejestracja do głosowania",
        """Rejestracja do głosowania daje Ci wpływ na to, kto rządzi Twoją radą i krajem. Zarejestruj się online na [gov.uk/register-to-vote](https://www.gov.uk/register-to-vote). Zajmuje to około 5 minut. Zostaniesz poproszony o numer National Insurance, jeśli go masz.

Prawo głosu zależy od obywatelstwa. Obywatele brytyjscy, irlandzcy i uprawnieni obywatele Wspólnoty Narodów mogą głosować we wszystkich wyborach. Niektórzy obywatele UE, w tym obywatele Polski, mogą głosować w wyborach lokalnych: zarejestruj się, a rada Cię poinformuje.

Aby głosować w lokalu wyborczym, potrzebujesz dokumentu ze zdjęciem. Jeśli go nie masz, złóż wniosek o bezpłatny Voter Authority Certificate.""",
        """Możesz zapisać się do głosowania.
Online zajmuje to 5 minut.
Do głosowania potrzebujesz dokumentu ze zdjęciem.
Nie masz go? Poproś o bezpłatny dokument.""",
    ),
    "hate-crime": (
        "Przestępstwo z nienawiści to przestępstwo",
        """Przestępstwo z nienawiści to każde przestępstwo popełnione wobec Ciebie z powodu Twojej rasy, religii, niepełnosprawności, orientacji seksualnej lub dlatego, że jesteś osobą transpłciową. Może to być krzyk, groźby, niszczenie mienia, obelgi w internecie lub przemoc. To nigdy nie jest Twoja wina i jest to niezgodne z prawem.

Jak to zgłosić:

- W nagłym wypadku lub gdy grozi Ci niebezpieczeństwo, dzwoń pod **999**.
- Jeśli to nie jest nagły wypadek, zadzwoń na policję West Midlands pod **101**.
- Zgłoś to online na tej stronie (link poniżej), także jeśli nie chcesz podawać nazwiska.
- Przyjdź do punktu zgłoszeń (third-party reporting centre) w pobliżu (lista poniżej). Pracownicy pomogą Ci to zgłosić, poufnie.
- Aby powiedzieć o tym bez podawania nazwiska, zadzwoń do Crimestoppers: 0800 555 111.

Victim Support może Ci pomóc, nawet jeśli nie zgłosisz sprawy policji: 0808 168 9111.""",
        """Ktoś krzywdzi Cię z powodu tego, kim jesteś.
To jest przestępstwo z nienawiści.
To jest niezgodne z prawem.
To nie jest Twoja wina.
Grozi Ci niebezpieczeństwo? Dzwoń 999.
To nie nagły wypadek? Dzwoń 101.
Możesz to też zgłosić online.""",
    ),
    "community": (
        "Włącz się w życie społeczności",
        """Poznawanie ludzi to jeden z najlepszych sposobów, by poczuć się jak w domu. W Walsall możesz:

- dołączyć do grupy społecznej, wspólnoty wyznaniowej, klubu sportowego lub grupy kobiet
- chodzić na lokalne wydarzenia i festiwale
- zostać wolontariuszem: pomagasz innym i zdobywasz doświadczenie zawodowe
- odwiedzić Place of Welcome, by bezpłatnie napić się czegoś i porozmawiać

Walsall for All współpracuje z lokalnymi organizacjami, które podpisały zobowiązanie do przyjaznego przyjmowania nowych mieszkańców.""",
        """Poznawaj nowych ludzi.
Dołącz do grupy.
Chodź na lokalne wydarzenia.
Pomagaj innym jako wolontariusz.
Odwiedź Place of Welcome.""",
    ),
    "buddy": (
        "Znajdź opiekuna (buddy)",
        """Opiekun (buddy) to wolontariusz z okolicy, który się z Tobą spotyka, pomaga odnaleźć się w okolicy i ćwiczy z Tobą angielski. Opiekunowie są sprawdzeni i przeszkoleni. Możesz poprosić o opiekuna, który mówi Twoim językiem, albo o kobietę lub mężczyznę.

Zapisz się online (link poniżej), a znajdziemy opiekuna blisko Ciebie.""",
        """Buddy to wolontariusz z okolicy.
Buddy może się z Tobą spotkać.
Buddy może pokazać Ci okolicę.
Zapisz się online.""",
    ),
    "emergency": (
        "Numery alarmowe i przydatne",
        """- **999**: policja, straż pożarna lub pogotowie w nagłym wypadku, gdy zagrożone jest życie lub przestępstwo dzieje się teraz
- **101**: policja, gdy to nie jest nagły wypadek
- **111**: NHS, pilna porada medyczna (dostępni tłumacze), lub [111.nhs.uk](https://111.nhs.uk)
- **18000**: tekstowy numer alarmowy dla osób niesłyszących lub niemówiących
- **01922 650000**: Rada Walsall (council tax, śmieci, mieszkania, hałas)
- **0800 111 999**: wyciek lub zapach gazu
- **105**: brak prądu
- **0808 2000 247**: krajowa infolinia ds. przemocy domowej, bezpłatna, całodobowa
- **116 123**: Samaritans, jeśli chcesz porozmawiać, bezpłatnie, całodobowo""",
        """Nagły wypadek? Dzwoń 999.
Policja, ale nie nagły wypadek? Dzwoń 101.
Źle się czujesz? Dzwoń 111.
Rada Walsall: 01922 650000.""",
    ),
}
