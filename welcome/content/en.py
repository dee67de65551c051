# ruff: noqa: E501 (prose: one paragraph to a line, as editors will see it)
TEXTS = {
    "welcome": (
        "Welcome to Walsall",
        """Welcome to Walsall. About 284,000 people live in the borough, in towns and villages including Walsall, Bloxwich, Willenhall, Darlaston, Brownhills and Aldridge. People here speak many languages and come from all over the world.

This pack tells you about services near your home, where to learn English, your rights and responsibilities, how to report hate crime, and how to meet people.

Services in this pack are free unless it says otherwise. Scan a QR code or type a short link to see the latest details.""",
        """Welcome to Walsall.
This pack is for you.
It tells you about help near your home.
It tells you about your rights.
It tells you how to meet people.""",
    ),
    "your-area": (
        "Getting to know your area",
        """Walsall has 20 wards. Each ward has 3 councillors you can contact for help with local problems. Find yours at [go.walsall.gov.uk](https://go.walsall.gov.uk).

- **Libraries** are free to join. You can borrow books (some in other languages), use computers and the internet, and find out what is on locally.
- **Household waste recycling centres** at Fryers Road, Bloxwich and Merchants Way, Aldridge take large items and recycling you cannot put in your bins.
- **Places of Welcome** are friendly places, often in community centres and churches, open to anyone for a free drink and a chat, at the same time every week.""",
        """Your area has 3 councillors.
They can help with local problems.
Libraries are free.
You can use the internet at the library.
Places of Welcome are friendly places.
You can have a free drink and a chat.""",
    ),
    "learning-english": (
        "Learning English",
        """Speaking English helps you find work, talk to your children's school and your doctor, and make friends.

- **ESOL classes** (English for Speakers of Other Languages) are for adults, from beginner to advanced. Classes are often free if you are on a low income or receive certain benefits. The provider will check your level on your first visit.
- **Conversation clubs** are informal groups where you practise speaking English over a cup of tea. They are free and you do not need to book.

The classes nearest to you are listed below.""",
        """Learning English helps you.
You can go to a class.
Classes are often free.
You can go to a conversation club.
You practise talking in English.
You do not need to book.""",
    ),
    "renting": (
        "Renting a home: your rights",
        """If you rent from a private landlord in England, the Renters' Rights Act protects you. Since 1 May 2026:

- your landlord cannot evict you without a reason ("no-fault" evictions have ended). They must use a legal reason and go to court
- rent can go up only once a year, with 2 months' written notice. You can challenge an unfair rise at a tribunal
- a landlord cannot refuse you because you have children or receive benefits
- you can ask to keep a pet, and your landlord cannot refuse without a good reason
- you can end your tenancy by giving 2 months' notice

Your landlord must protect your deposit in a government scheme within 30 days, do repairs to the building, heating, hot water and toilets, have the gas checked every year and the electrics every 5 years, and fit smoke alarms. They must usually give you 24 hours' notice before visiting.

Your responsibilities: pay the rent on time, look after the home, report repairs quickly, and do not disturb your neighbours.""",
        """Your landlord must keep your home safe.
Your landlord must do repairs.
Your landlord cannot make you leave without a reason.
Rent can only go up once a year.
You must pay your rent on time.
You must look after your home.""",
    ),
    "rogue-landlords": (
        "Problems with a landlord",
        """It is a crime for a landlord to force you out without a court order, change the locks while you are out, cut off your gas, electricity or water, or threaten you.

If your home is unsafe, cold, damp or overcrowded, or your landlord will not do repairs:

- tell your landlord in writing (a text or email is fine) and keep a copy
- contact Walsall Council's private sector housing team on 01922 650000. They can inspect your home and make the landlord put things right
- get free advice from Shelter on 0808 800 4444 or Citizens Advice on 0800 144 8848

If someone is forcing you out of your home right now, call the police on 999.""",
        """Some landlords break the law.
A landlord must not lock you out.
A landlord must not threaten you.
Is your home unsafe or damp?
Call Walsall Council on 01922 650000.
In danger? Call 999.""",
    ),
    "council-tax": (
        "Council tax",
        """Most adults who live in a home in England pay council tax. It pays for local services such as bin collections, libraries, parks and social care.

- The amount depends on your home's valuation band, from A (lowest) to H (highest). Your bill tells you your band.
- Tell Walsall Council when you move in, so your bill is right.
- You usually pay in 10 monthly instalments. You can ask to pay in 12.
- If you are the only adult in your home, you get 25% off.
- If you are on a low income, apply for Council Tax Reduction.
- Full-time students do not usually pay.

If you cannot pay, contact the council straight away on 01922 650000: they can agree a plan. Unpaid council tax can lead to court and extra costs.""",
        """Council tax pays for local services.
Most adults pay it.
Tell the council when you move in.
Do you live alone? You pay less.
Is your income low? Ask for help.
Cannot pay? Call the council quickly.""",
    ),
    "bins-recycling": (
        "Bins and recycling",
        """Walsall Council collects your bins every other week. Check your collection day at [go.walsall.gov.uk](https://go.walsall.gov.uk) and put your bins out by 7am.

- **Green bin**: clean recycling: paper, card, cans, plastic bottles, glass bottles and jars
- **Grey bin**: everything else that cannot be recycled
- **Brown bin**: garden waste (you pay a yearly charge for this service)

Book a collection for large items such as furniture, or take them to a household waste recycling centre. Leaving rubbish in the street or an alley is fly-tipping: it is a crime and can lead to a fine.""",
        """Put recycling in the green bin.
Put other rubbish in the grey bin.
Put your bins out early on collection day.
Do not leave rubbish in the street.
That is against the law.""",
    ),
    "noise": (
        "Noise and being a good neighbour",
        """Everyone has the right to enjoy their home. Please keep noise down, especially between 11pm and 7am: music, parties, shouting, DIY and barking dogs can all disturb your neighbours.

If a neighbour's noise bothers you, try talking to them calmly first. If that does not work, report it to Walsall Council on 01922 650000. The council can investigate and take action against noise that keeps happening.""",
        """Be quiet at night.
Night is from 11pm to 7am.
Is a neighbour too noisy?
Talk to them first.
Then tell the council.""",
    ),
    "gp": (
        "Registering with a GP (family doctor)",
        """Register with a GP as soon as you can, before you are ill. Seeing a GP is free.

- Anyone in England can register with a GP surgery.
- **You do not need proof of address, proof of immigration status, ID or an NHS number.** A surgery should not refuse you because you do not have them.
- Ask at the surgery or register online. Find a surgery near you at [nhs.uk](https://www.nhs.uk/service-search/find-a-gp).
- You can ask for an interpreter for your appointments. It is free.

For medicines and minor illnesses, a pharmacy can help without an appointment. For urgent advice, call 111.""",
        """Sign up with a doctor near you.
A doctor is called a GP.
It is free.
You do not need proof of address.
You can ask for an interpreter.
It is free too.""",
    ),
    "register-to-vote": (
        "Registering to vote",
        """Registering to vote gives you a say in who runs your council and your country. Register online at [gov.uk/register-to-vote](https://www.gov.uk/register-to-vote). It takes about 5 minutes. You will be asked for your National Insurance number if you have one.

Who can vote depends on your nationality. British, Irish and qualifying Commonwealth citizens can vote in all elections. Some EU citizens can vote in local elections: register and the council will tell you.

You need photo ID to vote at a polling station. If you have none, apply for a free Voter Authority Certificate.""",
        """You can sign up to vote.
It takes 5 minutes online.
You need photo ID to vote.
No photo ID? Ask for a free one.""",
    ),
    "hate-crime": (
        "Hate crime is a crime",
        """A hate crime is any crime that someone commits against you because of your race, religion, disability, sexual orientation or because you are transgender. It can be shouting, threats, damage, online abuse or violence. It is never your fault, and it is against the law.

How to report it:

- In an emergency, or if you are in danger now, call **999**.
- If it is not an emergency, call West Midlands Police on **101**.
- Report online on this website (see the link below), even if you do not want to give your name.
- Go to a third-party reporting centre near you (listed below). Staff there will help you report it, in confidence.
- To tell someone without giving your name, call Crimestoppers on 0800 555 111.

Victim Support can help you, even if you do not report to the police: call 0808 168 9111.""",
        """Someone hurts you because of who you are.
That is a hate crime.
It is against the law.
It is not your fault.
In danger? Call 999.
Not an emergency? Call 101.
You can report it online too.""",
    ),
    "community": (
        "Get involved in your community",
        """Meeting people is one of the best ways to feel at home. In Walsall you can:

- join a community group, faith group, sports club or women's group
- go to local events and festivals
- volunteer: it helps others and gives you experience for work
- visit a Place of Welcome for a free drink and a chat

Walsall for All works with local organisations that have signed a pledge to welcome new residents.""",
        """Meet new people.
Join a group.
Go to local events.
Volunteer to help others.
Visit a Place of Welcome.""",
    ),
    "buddy": (
        "Find a buddy",
        """A community buddy is a local volunteer who meets you, helps you find your way around and practises English with you. Buddies are checked and trained. You can ask for a buddy who speaks your language, or for a woman or a man.

Sign up online (see the link below) and we will find a buddy near you.""",
        """A buddy is a local volunteer.
A buddy can meet you.
A buddy can show you around.
Sign up for a buddy online.""",
    ),
    "emergency": (
        "Emergency and useful numbers",
        """- **999**: emergency police, fire or ambulance, when a life is in danger or a crime is happening now
- **101**: police, when it is not an emergency
- **111**: NHS, urgent medical advice (interpreters available), or [111.nhs.uk](https://111.nhs.uk)
- **18000**: emergency text relay for people who are deaf or cannot speak
- **01922 650000**: Walsall Council (council tax, bins, housing, noise)
- **0800 111 999**: gas leak or smell of gas
- **105**: power cut
- **0808 2000 247**: National Domestic Abuse Helpline, free, 24 hours
- **116 123**: Samaritans, if you need to talk, free, 24 hours""",
        """Emergency? Call 999.
Police, not an emergency? Call 101.
Feeling ill? Call 111.
Walsall Council: 01922 650000.""",
    ),
}
