import type { Language } from '../../core/index.ts';

/**
 * What a question asks about. The "aspect" intents (when, where, who, what, seats, list) are
 * answered for whatever the question names (a session, speaker, organisation, room, series,
 * time) or for the day itself; the others are about the day.
 */
export const intents = [
  'when',
  'where',
  'who',
  'what',
  'seats',
  'list',
  'price',
  'deadline',
  'audience',
  'corona_stricter',
  'corona_relaxed',
  'presentations',
  'contact',
  'book',
  'partners',
  'register',
  'one_per_series',
  'manage',
  'overview',
  'unknown_topic',
  'offtopic',
  'greeting',
] as const;
export type Intent = (typeof intents)[number];

/**
 * Hand-written training utterances. They name no session, speaker or room on purpose: those
 * are found by the entity search, and words the classifier never saw do not sway it.
 */
export const utterances: Record<Language, Partial<Record<Intent, string[]>>> = {
  nl: {
    when: [
      'wanneer is het', 'wanneer is de netwerkdag', 'hoe laat begint het', 'hoe laat begint de dag', 'wanneer begint de netwerkdag',
      'om hoe laat start de sessie', 'hoe laat is de workshop', 'wanneer eindigt het', 'hoe laat is het gedaan', 'tot hoe laat duurt het', 'tot hoe laat', 'tot hoe laat is het',
      'welke datum', 'op welke dag is het', 'wat is het uur', 'welk uur', 'hoe lang duurt de sessie', 'wanneer start de reeks',
      'hoe laat eindigt de reeks', 'wanneer is de infosessie', 'van wanneer tot wanneer', 'wat zijn de uren', 'wanneer moet ik er zijn',
      'op welk tijdstip', 'hoe laat gaat de deur open', 'wanneer gaat het door', 'welke dag gaat het door', 'uur en datum',
      'welke dag van de week', 'op welke weekdag', 'datum', 'uur', 'welk jaar', 'in welke maand', 'einduur', 'beginuur', 'startuur', 'aanvangsuur',
      'eindigt het om', 'begint het om', 'is het gedaan om', 'start het om',
      'wat zijn de tijden', 'tijdstippen', 'uurrooster', 'timing', 'wanneer eindigt de laatste sessie', 'hoe laat is de eerste sessie',
      'vanaf hoe laat ben je welkom', 'vanaf wanneer', 'vanaf hoe laat',
      'tot hoe laat loopt de sessie', 'tot wanneer loopt de workshop', 'hoe lang loopt het',
      'is het op 29 oktober', 'is het op donderdag',
      'wanneer begint de eerste workshop',
      'hoelang duurt een workshop', 'hoe lang duurt een sessie', 'hoelang duurt de netwerkdag',
    ],
    where: [
      'waar is het', 'waar vindt het plaats', 'waar vindt de netwerkdag plaats', 'in welke zaal', 'in welke zaal is de workshop',
      'wat is het adres', 'waar moet ik zijn', 'welke locatie', 'waar gaat het door', 'in welk lokaal', 'waar is de sessie',
      'in welke ruimte', 'waar is dat', 'welke zaal', 'waar precies', 'locatie van de sessie', 'op welk adres', 'in welke stad',
      'welke sessies zijn in die zaal', 'wat gebeurt er in die zaal', 'hoe geraak ik er', 'waar is het gebouw', 'is het in', 'ligt het in',
      'waar moet ik zijn voor de workshop', 'waar moet ik naartoe voor de sessie', 'waar is de workshop', 'waar gaat de sessie door',
      'kan u mij zeggen waar de netwerkdag plaatsvindt', 'waar het plaatsvindt', 'plaatsvindt', 'postcode', 'straat', 'adres', 'zalen', 'welke zalen zijn er',
    ],
    who: [
      'wie spreekt er', 'wie zijn de sprekers', 'wie geeft de workshop', 'wie geeft de sessie', 'wie presenteert', 'wie is de spreker',
      'welke sprekers zijn er', 'wie komt er spreken', 'wie is dat', 'wie is', 'wie werkt er bij', 'welke sprekers komen van',
      'wie leidt de sessie', 'door wie wordt het gegeven', 'sprekers van de sessie', 'wie vertelt over', 'wie zijn de lesgevers',
      'wie spreekt namens', 'welke mensen van', 'wie komt er van', 'wie is er van', 'wie begeleidt de workshop', 'spreker', 'sprekers',
      'wie spreekt over', 'wie geeft de workshop over', 'wie geeft de sessie over', 'wie spreekt er in de sessie over', 'wie zijn de sprekers van',
      'van welke organisatie is', 'bij welke organisatie werkt', 'welke organisatie', 'waar werkt', 'voor wie werkt',
      'welke organisaties komen spreken', 'welke organisaties spreken er', 'van welke organisaties zijn de sprekers',
      'hoeveel sprekers zijn er',
    ],
    what: [
      'wat is', 'waarover gaat het', 'waarover gaat de sessie', 'wat leer je', 'wat leer ik in de workshop', 'wat houdt het in',
      'waarover gaat de dag', 'waar gaat de netwerkdag over', 'wat is het thema van de dag', 'waar gaat het over', 'wat is de inhoud', 'vertel meer over', 'meer info over', 'wat betekent', 'wat wil dat zeggen',
      'uitleg over', 'wat doen ze', 'wat is het thema', 'geef een samenvatting', 'wat staat er op het programma van de sessie',
      'waarvoor staat de afkorting', 'wat is dat', 'wat houdt de netwerkdag in', 'waar gaat de netwerkdag over', 'meer over',
      'wat gebeurt er in de sessie', 'wat is de bedoeling',
      'waarom zou ik komen', 'waarom deelnemen', 'wat heb ik eraan', 'wat is het doel', 'wat is het thema van de dag',
      'meer info', 'meer informatie', 'info', 'informatie', 'vertel eens iets',
    ],
    seats: [
      'hoeveel plaatsen zijn er nog', 'is er nog plaats', 'zijn er nog plaatsen vrij', 'hoeveel deelnemers kunnen er', 'hoeveel mensen mogen er',
      'hoeveel mensen mogen er maximum komen', 'hoeveel deelnemers in totaal', 'is het volzet', 'is de sessie vol', 'hoeveel plaatsen heeft de workshop',
      'hoeveel vrije plaatsen', 'maximum aantal deelnemers', 'hoeveel zitjes', 'is er nog ruimte', 'hoe groot is de groep',
      'kan ik nog mee', 'hoeveel zijn er al ingeschreven', 'hoeveel plaatsen over', 'hoeveel kunnen er naar', 'is het al vol',
      'hoeveel personen', 'aantal plaatsen', 'hoeveel deelnemers maximaal', 'hoeveel mensen per workshop', 'hoeveel deelnemers per sessie',
      'hoeveel inschrijvingen zijn er al', 'capaciteit', 'hoe groot is de capaciteit', 'hoeveel mensen zijn er al ingeschreven', 'hoeveel deelnemers zijn er al',
      'is het volgeboekt', 'is het uitverkocht', 'zijn er nog tickets',
      'welke sessies hebben nog plaats', 'waar is nog plaats', 'welke workshops zijn nog vrij', 'welke sessie is het kleinst', 'wat is de kleinste workshop', 'welke workshop is het grootst',
      'hoeveel deelnemers zijn er toegelaten', 'hoeveel mensen worden toegelaten', 'hoeveel plaatsen zijn er in', 'hoeveel mensen kunnen er komen',
      'hoeveel plekken zijn er nog', 'is er nog een plekje vrij', 'zijn er nog zitplaatsen', 'hoeveel stoelen',
      'welke sessie is het grootst', 'welke sessie heeft de meeste plaatsen',
      'is er een limiet op het aantal deelnemers', 'is er een maximum per sessie', 'is het aantal deelnemers per workshop beperkt',
    ],
    list: [
      'welke sessies zijn er', 'welke workshops zijn er', 'wat is het programma', 'geef het programma', 'welke sessies zijn er in reeks',
      'wat is er om', 'welke sessie gaat over', 'welke workshops geeft', 'welke sessies geeft', 'lijst van de sessies', 'overzicht van het programma',
      'wat kan ik kiezen', 'welke keuzes heb ik', 'welke infosessies zijn er', 'wat zijn de workshops', 'welke sessies zijn er in die zaal',
      'wat staat er op het programma', 'welke sessies gaan over', 'is er een sessie over', 'programma', 'welke sessies om',
      'wat loopt er tegelijk', 'welke onderwerpen',
      'welke sessies zijn er in de namiddag', 'wat is er in de namiddag', 'welke sessies zijn er met iemand van', 'welke reeksen zijn er',
      'hoeveel sessies zijn er', 'hoeveel reeksen zijn er', 'geef me een overzicht',
      'hoeveel workshops zijn er in totaal', 'welke zalen zijn er', 'in welke zalen gaan de workshops door',
      'waar kan ik info vinden over', 'waar vind ik informatie over', 'waar vind ik meer over', 'waar kan ik iets leren over',
    ],
    price: [
      'wat kost het', 'wat kost deelname', 'is het gratis', 'hoeveel moet ik betalen', 'wat is de prijs', 'moet ik betalen',
      'is er een inschrijvingsgeld', 'kost het iets', 'is deelname betalend', 'prijs', 'kosten', 'hoeveel kost het',
      'is deelname kosteloos', 'kosteloos', 'deelnameprijs', 'toegangsprijs', 'inkom', 'is er een bijdrage', 'deelnamekost',
    ],
    deadline: [
      'tot wanneer kan ik inschrijven', 'wanneer sluiten de inschrijvingen', 'wat is de deadline', 'uiterste datum om in te schrijven',
      'kan ik nog inschrijven', 'hoe lang kan ik me nog inschrijven', 'tot wanneer kan ik me registreren', 'wanneer is de inschrijving afgesloten',
      'wanneer moet ik ten laatste inschrijven', 'wat is de uiterste inschrijvingsdatum', 'inschrijvingsdatum', 'uiterste datum', 'sluitingsdatum', 'laatste dag om in te schrijven',
      'sluit de inschrijving op 22 oktober', 'sluiten de inschrijvingen', 'mag ik na de deadline nog komen', 'kan ik na 22 oktober nog inschrijven',
      'na de deadline', 'is de inschrijving al gesloten',
      'deadline', 'is de inschrijving nog open', 'tot welke datum', 'ben ik te laat',
    ],
    audience: [
      'voor wie is het', 'voor wie is de netwerkdag', 'wie mag deelnemen', 'wie kan komen', 'is het voor mij', 'doelgroep van de dag',
      'wie is het doelpubliek', 'voor welke organisaties', 'mag iedereen komen', 'is het ook voor bedrijven', 'is het voor gemeenten',
      'voor wie is dit bedoeld',
      'ik werk bij een gemeente is dit iets voor mij', 'ik werk voor een bedrijf mag ik komen', 'is dit iets voor mij',
      'is het open voor iedereen', 'mag iedereen deelnemen',
      'is dit iets voor een sociaal economiebedrijf', 'is het voor stakeholders', 'ik werk bij een maatwerkbedrijf',
    ],
    corona_stricter: [
      'wat als de corona regels strenger worden', 'wat gebeurt er als de maatregelen verstrengen', 'wat als er minder mensen mogen komen',
      'wat is het lifo principe', 'wat betekent lifo', 'verlies ik mijn plaats als de regels strenger worden', 'wat als corona erger wordt',
      'wie valt af als er minder plaatsen zijn', 'last in first out', 'wat als de capaciteit daalt', 'corona maatregelen verstrengd',
      'kan ik mijn plaats verliezen', 'verlies ik mijn plaats', 'wat als de maatregelen verstrengen',
      'waarom maar zoveel plaatsen', 'waarom is het aantal plaatsen beperkt', 'waarom zo weinig plaatsen',
      'wat gebeurt er met mijn inschrijving als de regels veranderen', 'wat als de corona regels veranderen', 'wat als de regels wijzigen',
      'als de regels strenger worden mag ik dan nog komen', 'mag ik nog komen als de maatregelen strenger worden', 'kan ik nog komen als er minder plaatsen zijn',
    ],
    corona_relaxed: [
      'wat als de corona regels versoepelen', 'wat als er meer mensen mogen komen', 'kunnen er extra mensen bij', 'is er een wachtlijst',
      'hoe werkt de wachtlijst', 'wat als de maatregelen versoepelen', 'kom ik erbij als er plaats vrijkomt', 'wat als de capaciteit stijgt',
      'ik sta op de wachtlijst', 'wachtlijst', 'versoepeling', 'wat als het vol is', 'wat als de sessie volzet is', 'wat als er geen plaats meer is',
    ],
    presentations: [
      'kan ik de presentaties nadien krijgen', 'zijn de slides beschikbaar', 'komen de presentaties online', 'kan ik het online volgen',
      'worden de presentaties gedeeld', 'is er een opname', 'kan ik digitaal deelnemen', 'krijg ik de presentaties achteraf',
      'is er een livestream', 'presentaties nadien', 'kan ik van thuis volgen',
      'is de netwerkdag online', 'is het online', 'is het hybride', 'is het digitaal',
      'wordt het gestreamd', 'wordt het opgenomen', 'kan ik via zoom of teams meevolgen', 'is er een webinar',
      'kan ik het herbekijken', 'worden de sessies opgenomen',
    ],
    contact: [
      'wat is het emailadres voor vragen', 'hoe kan ik jullie contacteren', 'wie kan ik mailen', 'contact', 'wat is het mailadres',
      'bij wie kan ik terecht met vragen', 'ik heb een vraag voor de organisatie', 'wie organiseert het', 'contactgegevens',
      'naar welk adres kan ik mailen', 'naar welk mailadres', 'contactadres', 'mailen', 'welk e-mailadres',
      'hoe bereik ik de organisatoren', 'e-mail adres van de organisatie', 'waar kan ik een vraag stellen',
    ],
    book: [
      'wat is het boek', 'kan ik een boek bestellen', 'hoeveel kost het boek', 'hoe bestel ik het boek', 'welk boek', 'boek bestellen',
      'wat is de handleiding', 'waar wordt het boek naartoe gestuurd', 'krijg ik het boek opgestuurd', 'is het boek gratis', 'de titel van het boek',
      'boek',
    ],
    partners: [
      'wie zijn de partners', 'met wie wordt het georganiseerd', 'welke partners werken mee', 'met medewerking van wie',
      'wie helpt mee organiseren', 'wie organiseert mee',
      'wie werkt er mee aan de netwerkdag', 'partners', 'wie zijn de organisatoren', 'is dat een partner',
      'met wie werken jullie samen', 'wie werkt er mee', 'welke organisaties werken mee',
      'wie is er nog bij betrokken', 'wie is er betrokken',
      'wie organiseert dit', 'door wie wordt het georganiseerd',
    ],
    register: [
      'ik wil me inschrijven', 'hoe schrijf ik me in', 'hoe kan ik inschrijven', 'waar kan ik me registreren', 'inschrijven',
      'hoe registreer ik', 'wat moet ik invullen om in te schrijven', 'welke gegevens hebben jullie nodig', 'hoe meld ik me aan',
      'aanmelden', 'inschrijven voor een sessie', 'ik wil me inschrijven voor de workshop', 'krijg ik een bevestiging', 'wanneer krijg ik een bevestiging', 'wat staat er in de bevestigingsmail', 'bevestigingsmail', 'krijg ik een bevestigingsmail',
      'ontvang ik een bevestiging', 'krijg ik een mail na het inschrijven',
      'moet ik mijn telefoonnummer geven', 'waarom vragen jullie mijn gegevens', 'welke gegevens moet ik geven', 'waarom mijn telefoonnummer',
    ],
    manage: [
      'kan ik mijn inschrijving annuleren', 'hoe annuleer ik', 'kan ik mijn inschrijving wijzigen', 'ik wil van sessie veranderen',
      'kan ik een andere sessie kiezen', 'ik kan niet komen', 'hoe schrijf ik me uit', 'kan ik mijn keuze aanpassen', 'mijn inschrijving',
      'ben ik ingeschreven', 'kan ik mijn gegevens wijzigen',
      'wat als ik niet meer kan komen', 'ik ben verhinderd', 'ik kan er toch niet bij zijn', 'kan ik van sessie wisselen',
      'ik wil een andere workshop', 'kan ik een andere workshop kiezen', 'kan ik mijn sessie nog veranderen', 'ik wil mijn inschrijving aanpassen', 'afmelden', 'uitschrijven',
    ],
    one_per_series: [
      'kan ik twee workshops in dezelfde reeks volgen', 'mag ik meerdere sessies kiezen', 'kan ik naar twee sessies',
      'hoeveel sessies mag ik kiezen', 'moet ik kiezen', 'kan ik alle workshops volgen', 'kan ik tijdens de reeks naar een andere zaal gaan',
      'kan ik naar elke reeks', 'hoeveel workshops kan ik volgen', 'moet ik in elke reeks een sessie kiezen', 'kan ik in beide reeksen een sessie volgen',
    ],
    unknown_topic: [
      'kan ik er parkeren', 'is er parking', 'is er lunch', 'is er eten voorzien', 'krijgen we broodjes', 'is er koffie', 'is er wifi',
      'is het toegankelijk met een rolstoel', 'hoe geraak ik er met de trein', 'is er een attest', 'krijg ik een certificaat',
      'is er een dresscode', 'moet ik een mondmasker dragen', 'is er kinderopvang', 'zijn er vegetarische maaltijden', 'is er een hotel',
      'mag mijn hond mee', 'is er een receptie', 'kan ik mijn fiets stallen', 'is er een vestiaire', 'is er een tolk',
      'welke bus moet ik nemen', 'is er een pauze', 'parkeren', 'lunch', 'wifi', 'catering', 'drank', 'toiletten',
      'is er een lift', 'mag ik een collega meebrengen', 'wordt er nederlands gesproken', 'is er een vertaling', 'is er een bar',
      'is er een garderobe', 'krijgen we iets te drinken', 'lift', 'wat is het telefoonnummer', 'kan ik jullie bellen', 'telefoon', 'wat als ik te laat kom', 'mag ik vroeger vertrekken', 'toegangsvoorwaarden', 'welke voorwaarden gelden aan de ingang', 'ik heb een vraag over mijn factuur', 'factuur',
      'kan iemand anders in mijn plaats komen', 'mag een collega in mijn plaats gaan', 'kan ik alleen de namiddag komen', 'kan ik later aansluiten',
    ],
    offtopic: [
      'wat is het weer morgen', 'wie wint de match', 'vertel een mop', 'wat is de hoofdstad van frankrijk', 'hoe oud ben jij',
      'wat is de zin van het leven', 'hoeveel is twee plus twee', 'wie is de koning', 'wat eet je graag', 'ben jij een robot',
      'hoe maak ik spaghetti', 'wat is bitcoin', 'wie is de president van amerika', 'zing een liedje', 'welke film moet ik zien',
    ],
    greeting: ['hallo', 'hoi', 'dag', 'goedemorgen', 'goeiedag', 'hey', 'dank je', 'bedankt', 'merci', 'ok', 'oké', 'top', 'tot ziens', 'daag'],
  },
  en: {
    when: [
      'when is it', 'when is the networking day', 'what time does it start', 'when does the day start', 'when does it begin',
      'what time is the session', 'when does it end', 'what time does it finish', 'until what time', 'which date', 'what day is it',
      'what are the hours', 'how long does the session last', 'when does the series start', 'what time does the series end',
      'when is the workshop', 'what time should i be there', 'at what time', 'date and time', 'when does it take place', 'what time is',
      'which day of the week', 'what date', 'date', 'which year', 'what month',
      'does it end at', 'does it start at',
      'schedule', 'timetable', 'what are the times', 'when does the last session end', 'what time is the first session',
      'from what time', 'from when are we welcome',
      'how late does it go on', 'how late does it end', 'how late is it', 'until what time does the session run',
    ],
    where: [
      'where is it', 'where does it take place', 'where is the networking day', 'which room', 'in which room is the workshop',
      'what is the address', 'where should i go', 'what is the location', 'where is the venue', 'where is the session',
      'in what room', 'which hall', 'where exactly', 'in which city', 'where is that room used', 'what happens in that room',
      'postal code', 'zip code', 'street',
      'how do i get there', 'where is the building', 'is it in',
      'what is the venue', 'which venue', 'what is the place',
    ],
    who: [
      'who speaks', 'who are the speakers', 'who gives the workshop', 'who presents the session', 'who is the speaker', 'which speakers are there',
      'who is speaking', 'who is', 'who works at', 'who works for', 'who is from', 'who comes from', 'who from', 'which people from',
      'from which organisation is', 'which organisation is from', 'where does work', 'which organisation does work for', 'organisation of',
      'which organisations speak', 'which organisations are the speakers from',
      'how many speakers are there', 'which speakers come from', 'who leads the session', 'who is giving it',
      'speakers of the session', 'who talks about', 'who speaks at the session about', 'who represents', 'who is presenting', 'speaker', 'speakers',
    ],
    what: [
      'what is', 'what is it about', 'what is the session about', 'what will i learn', 'what do you learn in the workshop', 'tell me more about',
      'more about', 'more info about', 'what does it mean', 'what does the abbreviation stand for', 'explain', 'what is the topic',
      'give a summary', 'what is the content', 'what is the networking day about', 'what is the day about', 'what happens in the session', 'what is that',
      'describe the session', 'what is the purpose',
      'why should i come', 'why attend', 'what is in it for me', 'what is this event about', 'what is the theme',
      'more info', 'more information', 'info', 'information',
    ],
    seats: [
      'how many seats are left', 'are there still places', 'is there still room', 'how many people can attend', 'how many participants',
      'what is the maximum number of participants', 'is it full',
      'max number of participants', 'maximum participants', 'is the session full', 'how many places does the workshop have',
      'how many free seats', 'how many spots are left', 'how big is the group', 'can i still join', 'how many have registered',
      'how many people are allowed', 'capacity', 'how many seats', 'seats available',
      'is it fully booked', 'is it sold out', 'are there tickets left',
      'which sessions still have seats', 'which session is the smallest', 'which session is the biggest',
      'how many attendees per workshop', 'how many participants per session', 'is there room left in', 'any room left', 'any seats left',
      'how many seats are there in', 'how many people fit in', 'how many people can come to', 'how many people can go to',
      'is there a limit on the number of participants', 'is there a maximum per session', 'is the number of participants per workshop limited',
    ],
    list: [
      'which sessions are there', 'what sessions are there', 'what is the programme', 'what is the program', 'show the programme',
      'which sessions are in series', 'what is on at', 'which session is about', 'which workshops does give', 'list of sessions',
      'overview of the programme', 'what can i choose', 'what are my options', 'which sessions are in that room', 'what is on the agenda',
      'is there a session about', 'which sessions are about', 'which sessions does take part in', 'in which sessions',
      'which sessions are in the afternoon', 'how many sessions are there', 'how many series are there', 'give me an overview',
      'anything on', 'anything about', 'something about', 'is there anything about', 'agenda', 'programme', 'program', 'what runs in parallel', 'which topics',
    ],
    price: [
      'how much does it cost', 'is it free', 'what is the price', 'do i have to pay', 'is there a fee', 'does it cost anything',
      'entrance fee', 'ticket price', 'admission', 'how much is a ticket',
      'price', 'cost', 'registration fee', 'is it free of charge', 'what does it cost', 'what does participation cost',
    ],
    deadline: [
      'until when can i register', 'when does registration close', 'what is the deadline', 'last day to register', 'can i still register',
      'registration deadline', 'deadline', 'is registration still open', 'am i too late', 'when do registrations close',
      'last day to sign up', 'closing date', 'what if i register late', 'can i register after the deadline',
      'what is the last date for registration', 'last date', 'closing date for registration', 'when is the registration deadline',
      'can i register after 22 october', 'does registration close on 22 october', 'after the deadline',
    ],
    audience: [
      'who is it for', 'who is the networking day for', 'who can attend', 'who may join', 'is it for me', 'what is the target audience',
      'who should come', 'is it for companies', 'is it for municipalities', 'can anyone come', 'who is this meant for',
      'i work for a municipality is this for me', 'i work for a company can i come', 'is this relevant for me',
      'is it open to everyone', 'is it open to the public', 'can everybody attend',
      'target group', 'target audience', 'intended audience',
    ],
    corona_stricter: [
      'what if the corona rules get stricter', 'what happens if the measures tighten', 'what if fewer people are allowed',
      'what is lifo', 'what does lifo mean', 'do i lose my place if rules get stricter', 'last in first out', 'what if capacity is reduced',
      'what if covid gets worse', 'who is removed when there are fewer places',
      'can i lose my place', 'will i lose my seat', 'why only so few places', 'why is the number of places limited',
      'what happens to my registration if the covid rules change', 'what if the corona rules change', 'what if the rules change',
      'if the rules get stricter can i still come', 'can i still attend if the measures get stricter',
    ],
    corona_relaxed: [
      'what if the corona rules relax', 'what if more people are allowed', 'can extra people come', 'is there a waiting list',
      'how does the waiting list work', 'what if the measures are relaxed', 'will i get in if a place frees up', 'waiting list',
      'what if capacity goes up', 'i am on the waiting list', 'is there a waitlist', 'waitlist', 'what happens when the measures relax', 'what if it is full', 'what if the session is full', 'what if there is no room left',
    ],
    presentations: [
      'can i get the presentations afterwards', 'are the slides available', 'will the presentations be online', 'can i follow it online',
      'are the presentations shared', 'is there a recording', 'can i attend digitally', 'is there a livestream', 'slides afterwards',
      'is it online', 'is it a hybrid event', 'is it virtual',
      'can i watch from home', 'is it only on site', 'is it in person only', 'is it streamed', 'will it be recorded', 'can i join remotely', 'is there a zoom link', 'can i join via teams',
    ],
    contact: [
      'what is the email address for questions', 'how can i contact you', 'who can i email', 'contact', 'what is the e-mail address',
      'who can i ask', 'i have a question for the organisers', 'who organises it', 'contact details', 'how do i reach the organisers',
      'to which address can i send an email', 'email',
    ],
    book: [
      'what is the book', 'can i order a book', 'how much is the book', 'how do i order the book', 'which book', 'order the book',
      'what is the handbook', 'where is the book sent', 'will the book be shipped', 'is the book free', 'title of the book', 'book',
    ],
    partners: [
      'who are the partners', 'who organises it with', 'which partners are involved', 'in cooperation with whom', 'partners',
      'who are the organisers', 'is that a partner',
      'who do you work with', 'which organisations cooperate',
      'who else is involved', 'who is involved', 'which organisations are involved',
      'who organizes this', 'who organises this', 'who is behind this',
      'who is helping to organise the day', 'who helps to put the day together', 'who are the partners of the event',
    ],
    register: [
      'i want to register', 'how do i register', 'how can i sign up', 'where can i register', 'register', 'sign up',
      'what do i need to fill in', 'what data do you need', 'how do i enrol', 'will i get a confirmation',
      'what does the confirmation email contain', 'confirmation email', 'do i get a confirmation mail',
      'why do you need my phone number', 'why do you ask my details', 'what happens with my data', 'privacy',
    ],
    manage: [
      'can i cancel my registration', 'how do i cancel', 'can i change my registration', 'i want to switch sessions', 'i cannot come',
      'can i pick another session', 'my registration', 'am i registered', 'can i change my details',
      'what if i cannot come anymore', 'i can no longer come', 'i cannot make it', 'can i switch sessions', 'can i change my session',
      'i want another workshop', 'unregister',
    ],
    one_per_series: [
      'can i attend two sessions in the same series', 'can i choose several sessions', 'can i go to two workshops', 'how many sessions can i pick',
      'do i have to choose', 'can i attend all workshops', 'how many workshops can i attend',
      'can i attend two workshops at the same time', 'can i follow two sessions at once',
    ],
    unknown_topic: [
      'can i park there', 'is there parking', 'is lunch provided', 'is there food', 'will there be sandwiches', 'is there coffee',
      'is there wifi', 'is it wheelchair accessible', 'how do i get there by train', 'is there a certificate', 'do i get a certificate',
      'is there a dress code', 'do i need a face mask', 'is there childcare', 'are there vegetarian meals', 'is there a hotel',
      'can i bring my dog', 'is there a reception', 'where can i leave my bike', 'is there a cloakroom', 'is there an interpreter',
      'which bus should i take', 'is there a break', 'parking', 'lunch', 'wifi', 'catering', 'drinks', 'toilets',
      'is there a lift', 'is there an elevator', 'can i bring a colleague', 'is there translation', 'is there a bar',
      'will there be drinks', 'what is the phone number', 'can i call you', 'what if i arrive late', 'can i leave early', 'what are the entry requirements', 'can someone else take my place', 'can a colleague go instead of me',
    ],
    offtopic: [
      'what is the weather tomorrow', 'who will win the match', 'tell me a joke', 'what is the capital of france', 'how old are you',
      'what is the meaning of life', 'what is two plus two', 'who is the king', 'what do you like to eat', 'are you a robot',
      'how do i cook pasta', 'what is bitcoin', 'who is the president of america', 'sing a song', 'which movie should i watch',
    ],
    greeting: ['hello', 'hi', 'good morning', 'hey', 'thanks', 'thank you', 'ok', 'okay', 'great', 'bye', 'goodbye', 'cheers'],
  },
};

/**
 * Words that mark a question the event file cannot answer (parking, lunch, wifi, ...): such a
 * question gets the honest "I do not know" with the organiser's contact, whatever else it names.
 */
export const unknownTopicWords: ReadonlySet<string> = new Set(
  ('parking parkeren parkeerplaats parkeerplaatsen lunch middageten eten broodje broodjes maaltijd maaltijden koffie thee drank drankje ' +
    'drinken dranken receptie catering vegetarisch vegetarische veggie wifi internet wachtwoord rolstoel rolstoeltoegankelijk toegankelijk ' +
    'toegankelijkheid bewijs deelnameattest aanwezigheidsattest lift trein station bus tram fiets fietsenstalling auto attest certificaat getuigschrift dresscode kledij mondmasker ' +
    'mondkapje kinderopvang hotel overnachten overnachting hond huisdier vestiaire garderobe tolk vertaling vertaald engels frans taal ' +
    'pauze toilet toiletten wc collega meebrengen rookruimte roken ' +
    'menu transport vervoer openbaar public park food meal meals sandwich sandwiches coffee tea drinks beverages vegetarian vegan wheelchair accessible accessibility elevator ' +
    'train bus tram bike bicycle car certificate dress mask childcare hotel accommodation dog pet cloakroom interpreter ' +
    'translation english french language break toilets restroom colleague smoking factuur facturen invoice safe coronapas vaccinatiebewijs testbewijs sneltest vaccin vaccinatie').split(' '),
);
