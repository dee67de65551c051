# ruff: noqa: E501 (prose: one paragraph to a line, as editors will see it)
# Machine-drafted from en.py: loaded as "machine_drafted" until a Romanian speaker approves it.
TEXTS = {
    "welcome": (
        "Bine ați venit în Walsall",
        """Bine ați venit în Walsall. În district locuiesc aproximativ 284.000 de oameni, în orașe și sate precum Walsall, Bloxwich, Willenhall, Darlaston, Brownhills și Aldridge. Oamenii de aici vorbesc multe limbi și vin din toată lumea.

Acest pachet vă spune despre serviciile de lângă casa dumneavoastră, unde puteți învăța engleza, care sunt drepturile și responsabilitățile dumneavoastră, cum să raportați infracțiunile motivate de ură și cum să cunoașteți oameni.

Serviciile din acest pachet sunt gratuite, dacă nu se spune altfel. Scanați un cod QR sau scrieți un link scurt pentru a vedea cele mai noi detalii.""",
        """Bine ați venit în Walsall.
Acest pachet este pentru dumneavoastră.
Vă spune despre ajutorul de lângă casă.
Vă spune despre drepturile dumneavoastră.
Vă spune cum să cunoașteți oameni.""",
    ),
    "your-area": (
        "Cunoașteți-vă zona",
        """Walsall are 20 de circumscripții (wards). Fiecare are 3 consilieri pe care îi puteți contacta pentru probleme locale. Îi găsiți pe [go.walsall.gov.uk](https://go.walsall.gov.uk).

- **Bibliotecile** sunt gratuite. Puteți împrumuta cărți (unele în alte limbi), folosi calculatoare și internetul și afla ce se întâmplă în zonă.
- **Centrele de reciclare a deșeurilor menajere** de pe Fryers Road, Bloxwich și Merchants Way, Aldridge primesc obiecte mari și materiale pe care nu le puteți pune în pubele.
- **Places of Welcome** sunt locuri prietenoase, adesea în centre comunitare și biserici, deschise oricui, în fiecare săptămână la aceeași oră, pentru o băutură gratuită și o discuție.""",
        """Zona dumneavoastră are 3 consilieri.
Ei vă pot ajuta cu probleme locale.
Bibliotecile sunt gratuite.
La bibliotecă puteți folosi internetul.
Places of Welcome sunt locuri prietenoase.
Primiți o băutură gratuită și stați de vorbă.""",
    ),
    "learning-english": (
        "Învățarea limbii engleze",
        """Engleza vă ajută să găsiți de lucru, să vorbiți cu școala copiilor și cu medicul și să vă faceți prieteni.

- **Cursurile ESOL** (engleză pentru vorbitori de alte limbi) sunt pentru adulți, de la începători la avansați. Sunt adesea gratuite dacă aveți venituri mici sau primiți anumite ajutoare sociale. La prima vizită vi se verifică nivelul.
- **Cluburile de conversație** sunt grupuri informale unde exersați engleza la o ceașcă de ceai. Sunt gratuite și nu trebuie să vă înscrieți.

Cursurile cele mai apropiate sunt enumerate mai jos.""",
        """Engleza vă ajută.
Puteți merge la un curs.
Cursurile sunt adesea gratuite.
Puteți merge la un club de conversație.
Acolo exersați vorbitul în engleză.
Nu trebuie să vă înscrieți.""",
    ),
    "renting": (
        "Închirierea unei locuințe: drepturile dumneavoastră",
        """Dacă închiriați de la un proprietar privat în Anglia, legea Renters' Rights Act vă protejează. Din 1 mai 2026:

- proprietarul nu vă poate evacua fără motiv (evacuările „fără vină” au fost eliminate). Trebuie să aibă un motiv legal și să meargă în instanță
- chiria poate crește doar o dată pe an, cu un preaviz scris de 2 luni. Puteți contesta o creștere nedreaptă la tribunal
- proprietarul nu vă poate refuza pentru că aveți copii sau primiți ajutoare sociale
- puteți cere să țineți un animal de companie, iar proprietarul nu poate refuza fără un motiv întemeiat
- puteți încheia contractul cu un preaviz de 2 luni

Proprietarul trebuie să vă protejeze garanția într-o schemă guvernamentală în 30 de zile, să repare clădirea, încălzirea, apa caldă și toaletele, să verifice gazul în fiecare an și instalația electrică la fiecare 5 ani și să monteze detectoare de fum. De obicei trebuie să vă anunțe cu 24 de ore înainte de o vizită.

Responsabilitățile dumneavoastră: plătiți chiria la timp, aveți grijă de locuință, anunțați repede defecțiunile și nu vă deranjați vecinii.""",
        """Proprietarul trebuie să păstreze casa sigură.
Proprietarul trebuie să facă reparații.
Proprietarul nu vă poate da afară fără motiv.
Chiria poate crește doar o dată pe an.
Trebuie să plătiți chiria la timp.
Trebuie să aveți grijă de casă.""",
    ),
    "rogue-landlords": (
        "Probleme cu proprietarul",
        """Este infracțiune ca un proprietar să vă scoată din casă fără hotărâre judecătorească, să schimbe încuietorile cât sunteți plecat, să vă taie gazul, curentul sau apa sau să vă amenințe.

Dacă locuința este nesigură, rece, cu igrasie sau supraaglomerată, ori proprietarul nu face reparațiile:

- spuneți-i proprietarului în scris (un SMS sau e-mail este suficient) și păstrați o copie
- sunați la echipa pentru locuințe private a Consiliului Walsall (private sector housing team): 01922 650000. Vă pot inspecta locuința și îl pot obliga pe proprietar să repare
- cereți sfaturi gratuite de la Shelter: 0808 800 4444 sau Citizens Advice: 0800 144 8848

Dacă cineva vă scoate din casă chiar acum, sunați la poliție: 999.""",
        """Unii proprietari încalcă legea.
Proprietarul nu are voie să vă încuie afară.
Proprietarul nu are voie să vă amenințe.
Casa este nesigură sau cu igrasie?
Sunați la Consiliul Walsall: 01922 650000.
Sunteți în pericol? Sunați la 999.""",
    ),
    "council-tax": (
        "Taxa locală (council tax)",
        """Majoritatea adulților care locuiesc într-o casă în Anglia plătesc council tax. Din ea se plătesc serviciile locale, cum ar fi colectarea gunoiului, bibliotecile, parcurile și asistența socială.

- Suma depinde de categoria de evaluare a locuinței, de la A (cea mai mică) la H (cea mai mare). Categoria apare pe factură.
- Anunțați Consiliul Walsall când vă mutați, ca factura să fie corectă.
- De obicei plătiți în 10 rate lunare. Puteți cere 12 rate.
- Dacă sunteți singurul adult din locuință, primiți o reducere de 25%.
- Dacă aveți venituri mici, cereți Council Tax Reduction.
- Studenții la zi de obicei nu plătesc.

Dacă nu puteți plăti, sunați imediat la consiliu: 01922 650000. Puteți stabili un plan de plată. Taxa neplătită poate duce la instanță și costuri în plus.""",
        """Council tax plătește serviciile locale.
Majoritatea adulților o plătesc.
Anunțați consiliul când vă mutați.
Locuiți singur? Plătiți mai puțin.
Aveți venituri mici? Cereți ajutor.
Nu puteți plăti? Sunați repede la consiliu.""",
    ),
    "bins-recycling": (
        "Pubele și reciclare",
        """Consiliul Walsall ridică gunoiul o dată la două săptămâni. Verificați ziua de colectare pe [go.walsall.gov.uk](https://go.walsall.gov.uk) și scoateți pubelele până la ora 7.

- **Pubela verde**: materiale reciclabile curate: hârtie, carton, doze, sticle de plastic, sticle și borcane de sticlă
- **Pubela gri**: tot ce nu se poate recicla
- **Pubela maro**: deșeuri din grădină (pentru acest serviciu se plătește o taxă anuală)

Pentru obiecte mari, cum ar fi mobila, cereți o colectare sau duceți-le la un centru de reciclare. Lăsarea gunoiului pe stradă sau pe alee se numește fly-tipping: este infracțiune și se poate da amendă.""",
        """Puneți reciclabilele în pubela verde.
Puneți restul gunoiului în pubela gri.
Scoateți pubelele devreme în ziua colectării.
Nu lăsați gunoiul pe stradă.
Asta este împotriva legii.""",
    ),
    "noise": (
        "Zgomotul și buna vecinătate",
        """Fiecare are dreptul să se bucure de locuința sa. Vă rugăm să nu faceți zgomot, mai ales între orele 23 și 7: muzica, petrecerile, țipetele, renovările și câinii care latră îi pot deranja pe vecini.

Dacă vă deranjează zgomotul unui vecin, încercați întâi să vorbiți calm cu el. Dacă nu merge, raportați Consiliului Walsall: 01922 650000. Consiliul poate investiga și poate lua măsuri împotriva zgomotului care se repetă.""",
        """Păstrați liniștea noaptea.
Noaptea este de la 23 la 7.
Un vecin face prea mult zgomot?
Vorbiți întâi cu el.
Apoi spuneți consiliului.""",
    ),
    "gp": (
        "Înscrierea la un medic de familie (GP)",
        """Înscrieți-vă la un medic de familie (GP) cât mai repede, înainte să vă îmbolnăviți. Consultația la GP este gratuită.

- Oricine în Anglia se poate înscrie la un cabinet GP.
- **Nu aveți nevoie de dovada adresei, dovada statutului de imigrant, act de identitate sau număr NHS.** Cabinetul nu ar trebui să vă refuze dacă nu le aveți.
- Întrebați la cabinet sau înscrieți-vă online. Găsiți un cabinet aproape de dumneavoastră pe [nhs.uk](https://www.nhs.uk/service-search/find-a-gp).
- Puteți cere un interpret pentru consultații. Este gratuit.

Pentru medicamente și afecțiuni ușoare vă poate ajuta farmacia, fără programare. Pentru sfaturi urgente, sunați la 111.""",
        """Înscrieți-vă la un medic aproape de casă.
Medicul se numește GP.
Este gratuit.
Nu aveți nevoie de dovada adresei.
Puteți cere un interpret.
Și interpretul este gratuit.""",
    ),
    "register-to-vote": (
        "Înscrierea pentru vot",
        """Înscrierea pentru vot vă dă un cuvânt de spus despre cine conduce consiliul și țara. Înscrieți-vă online pe [gov.uk/register-to-vote](https://www.gov.uk/register-to-vote). Durează aproximativ 5 minute. Vi se va cere numărul National Insurance, dacă aveți unul.

Dreptul de vot depinde de cetățenie. Cetățenii britanici, irlandezi și cetățenii eligibili ai Commonwealth-ului pot vota la toate alegerile. Unii cetățeni UE pot vota la alegerile locale: înscrieți-vă și consiliul vă va spune.

Aveți nevoie de un act cu fotografie ca să votați la secția de votare. Dacă nu aveți, cereți un Voter Authority Certificate gratuit.""",
        """Vă puteți înscrie pentru vot.
Online durează 5 minute.
Pentru vot aveți nevoie de un act cu poză.
Nu aveți? Cereți unul gratuit.""",
    ),
    "hate-crime": (
        "Infracțiunea motivată de ură este o infracțiune",
        """O infracțiune motivată de ură este orice infracțiune comisă împotriva dumneavoastră din cauza rasei, religiei, dizabilității, orientării sexuale sau pentru că sunteți o persoană transgender. Poate fi strigăte, amenințări, distrugeri, abuz online sau violență. Nu este niciodată vina dumneavoastră și este împotriva legii.

Cum o raportați:

- În caz de urgență sau dacă sunteți în pericol acum, sunați la **999**.
- Dacă nu este o urgență, sunați la Poliția West Midlands la **101**.
- Raportați online pe acest site (vedeți linkul de mai jos), chiar dacă nu vreți să vă dați numele.
- Mergeți la un centru de raportare (third-party reporting centre) din apropiere (lista de mai jos). Personalul vă ajută să raportați, confidențial.
- Ca să spuneți cuiva fără să vă dați numele, sunați la Crimestoppers: 0800 555 111.

Victim Support vă poate ajuta chiar dacă nu raportați la poliție: 0808 168 9111.""",
        """Cineva vă face rău din cauza a cine sunteți.
Aceasta este o infracțiune motivată de ură.
Este împotriva legii.
Nu este vina dumneavoastră.
Sunteți în pericol? Sunați la 999.
Nu este urgență? Sunați la 101.
Puteți raporta și online.""",
    ),
    "community": (
        "Implicați-vă în comunitate",
        """Să cunoașteți oameni este unul dintre cele mai bune moduri de a vă simți acasă. În Walsall puteți:

- să vă alăturați unui grup comunitar, unei comunități religioase, unui club sportiv sau unui grup de femei
- să mergeți la evenimente și festivaluri locale
- să faceți voluntariat: îi ajutați pe alții și câștigați experiență pentru muncă
- să vizitați un Place of Welcome pentru o băutură gratuită și o discuție

Walsall for All lucrează cu organizații locale care au semnat un angajament de a primi bine noii locuitori.""",
        """Cunoașteți oameni noi.
Intrați într-un grup.
Mergeți la evenimente locale.
Faceți voluntariat.
Vizitați un Place of Welcome.""",
    ),
    "buddy": (
        "Găsiți un buddy",
        """Un buddy este un voluntar din zonă care se întâlnește cu dumneavoastră, vă ajută să vă orientați și exersează engleza cu dumneavoastră. Voluntarii sunt verificați și instruiți. Puteți cere un buddy care vorbește limba dumneavoastră sau o femeie ori un bărbat.

Înscrieți-vă online (linkul de mai jos) și vă găsim un buddy aproape de dumneavoastră.""",
        """Un buddy este un voluntar din zonă.
Un buddy se poate întâlni cu dumneavoastră.
Un buddy vă poate arăta zona.
Înscrieți-vă online.""",
    ),
    "emergency": (
        "Numere de urgență și numere utile",
        """- **999**: poliție, pompieri sau ambulanță în caz de urgență, când o viață este în pericol sau o infracțiune are loc acum
- **101**: poliția, când nu este o urgență
- **111**: NHS, sfaturi medicale urgente (sunt disponibili interpreți), sau [111.nhs.uk](https://111.nhs.uk)
- **18000**: serviciu de urgență prin text pentru persoanele surde sau care nu pot vorbi
- **01922 650000**: Consiliul Walsall (council tax, gunoi, locuințe, zgomot)
- **0800 111 999**: scurgere sau miros de gaz
- **105**: pană de curent
- **0808 2000 247**: linia națională pentru violență domestică, gratuită, non-stop
- **116 123**: Samaritans, dacă aveți nevoie să vorbiți, gratuit, non-stop""",
        """Urgență? Sunați la 999.
Poliție, dar nu e urgență? Sunați la 101.
Vă simțiți rău? Sunați la 111.
Consiliul Walsall: 01922 650000.""",
    ),
}
