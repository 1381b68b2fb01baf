/**
 * Query expansion, not facts: English words (and Dutch synonyms) mapped to the Dutch words the
 * programme uses, so "decision tree" finds "beslissingsboom". Keys are folded; longer keys
 * are tried before shorter ones. Nothing here is ever shown to a visitor.
 */
export const glossary: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'decision tree': 'beslissingsboom',
    'decision trees': 'beslissingsboom',
    beslisboom: 'beslissingsboom',
    'public procurement': 'overheidsopdrachten',
    'public contracts': 'overheidsopdrachten',
    'government contracts': 'overheidsopdrachten',
    procurement: 'overheidsopdrachten',
    tender: 'overheidsopdrachten',
    tenders: 'overheidsopdrachten',
    aanbesteding: 'overheidsopdrachten',
    aanbestedingen: 'overheidsopdrachten',
    'social clauses': 'sociale clausules',
    'social clause': 'sociale clausules',
    clauses: 'clausules',
    'workplace learning': 'werkplekleren',
    'work based learning': 'werkplekleren',
    'on the job learning': 'werkplekleren',
    'learning on the job': 'werkplekleren',
    apprenticeship: 'werkplekleren',
    apprenticeships: 'werkplekleren',
    'circular economy': 'circulaire economie',
    circular: 'circulaire',
    circulair: 'circulaire',
    'care work': 'arbeidszorg',
    'sheltered work': 'arbeidszorg',
    'supported work': 'arbeidszorg',
    'neighbourhood work': 'wijk-werken',
    'neighborhood work': 'wijk-werken',
    'neighbourhood jobs': 'wijk-werken',
    'local service economy': 'diensteneconomie',
    'service economy': 'diensteneconomie',
    'talents count': 'talenten tellen',
    talents: 'talenten',
    talent: 'talenten',
    innovation: 'innovatie',
    innovations: 'innovatie',
    innovative: 'innovatie',
    innoveren: 'innovatie',
    cooperation: 'samenwerking',
    collaboration: 'samenwerking',
    'working together': 'samenwerken',
    partnership: 'samenwerking',
    subsidy: 'subsidie',
    subsidies: 'subsidie',
    grant: 'subsidie',
    employment: 'tewerkstelling',
    jobs: 'tewerkstelling',
    'job seekers': 'werkzoekenden',
    jobseekers: 'werkzoekenden',
    unemployed: 'werkzoekenden',
    activation: 'activeringstrajecten',
    statistics: 'cijferoverzicht',
    figures: 'cijferoverzicht',
    numbers: 'cijferoverzicht',
    data: 'cijfermateriaal',
    cijfers: 'cijferoverzicht',
    statistieken: 'cijferoverzicht',
    'environmental analysis': 'omgevingsanalyse',
    'environment analysis': 'omgevingsanalyse',
    technology: 'technologische',
    technological: 'technologische',
    entrepreneurship: 'ondernemerschap',
    manufacturing: 'maakindustrie',
    welfare: 'welzijn',
    'bottleneck vacancies': 'knelpuntvacatures',
    'hard to fill vacancies': 'knelpuntvacatures',
    'council chamber': 'provincieraadzaal',
    'council hall': 'provincieraadzaal',
    'provincial council': 'provincieraadzaal',
    room: 'zaal',
    rooms: 'zaal',
    hall: 'zaal',
    province: 'provincie',
    provincial: 'provincie',
    city: 'stad',
    town: 'stad',
    municipality: 'gemeente',
    municipalities: 'gemeenten',
    'local governments': 'lokale besturen',
    'local government': 'lokale besturen',
    'local authorities': 'lokale besturen',
    'labour market': 'arbeidsmarkt',
    'labor market': 'arbeidsmarkt',
    'social purchasing': 'sociaal aan te kopen',
    'buy socially': 'sociaal aan te kopen',
    'buying socially': 'sociaal aan te kopen',
    enclave: 'enclave',
    klemtoon: 'nadruk',
    accent: 'nadruk',
    zwaartepunt: 'nadruk',
    aankoper: 'kopen overheidsopdrachten',
    aankopers: 'kopen overheidsopdrachten',
    aankoop: 'kopen overheidsopdrachten',
    aankoopdienst: 'kopen overheidsopdrachten',
    purchasing: 'kopen overheidsopdrachten',
    purchaser: 'kopen overheidsopdrachten',
    buyer: 'kopen overheidsopdrachten',
    'work floor': 'werkvloeren',
    'shop floor': 'werkvloeren',
    werkvloer: 'werkvloeren',
    'paid job': 'betaalde baan',
    'paid jobs': 'betaalde baan',
    'paid work': 'betaalde baan',
    'paid employment': 'betaalde baan',
    unpaid: 'onbetaald',
    volunteer: 'vrijwillig',
    volunteers: 'vrijwillig',
    volunteering: 'vrijwillig',
    vrijwilligerswerk: 'vrijwillig',
    voluntary: 'vrijwillig',
    'local services': 'lokale diensten',
    'local service': 'lokale diensten',
    'social enterprise': 'sociale ondernemingen',
    'social enterprises': 'sociale ondernemingen',
    outsource: 'uitbesteden',
    outsourcing: 'uitbesteden',
    'contract out': 'uitbesteden',
    'hand over': 'uitbesteden',
    'handing over': 'uitbesteden',
    outreach: 'outreachend',
    'target group': 'doelgroep',
    'labour reserve': 'arbeidsreserve',
    'people out of work': 'werkzoekenden',
    'out of work': 'werkzoekenden',
    kringloop: 'circulaire',
    duurzaamheid: 'circulaire',
    sustainability: 'circulaire',
    vernieuwing: 'innovatie',
    klusjes: 'taken',
    klussen: 'taken',
    chores: 'taken',
    'simple tasks': 'eenvoudige taken',
    'odd jobs': 'eenvoudige taken',
    tasks: 'taken',
  }),
);

/** Rewrites folded words through the glossary, longer phrases first; `sources` maps each new word to the words it came from. */
// Per first word of a key, the lengths (in words) of the keys it starts, longest first.
const keyLengths = new Map<string, number[]>();
for (const key of glossary.keys()) {
  const [first, ...rest] = key.split(' ');
  const lengths = keyLengths.get(first as string) ?? [];
  if (!lengths.includes(rest.length + 1)) lengths.push(rest.length + 1);
  keyLengths.set(first as string, lengths.sort((a, b) => b - a));
}

export function expand(words: string[]): { words: string[]; sources: Map<string, string[]> } {
  const out: string[] = [];
  const sources = new Map<string, string[]>();
  for (let i = 0; i < words.length; i += 1) {
    let taken = 1;
    let hit: string | undefined;
    for (const size of keyLengths.get(words[i] as string) ?? []) {
      if (words.length - i < size) continue;
      hit = glossary.get(words.slice(i, i + size).join(' '));
      if (hit) {
        taken = size;
        break;
      }
    }
    const original = words.slice(i, i + taken);
    for (const word of hit ? hit.split(' ') : original) {
      out.push(word);
      if (hit) sources.set(word, [...(sources.get(word) ?? []), ...original]);
    }
    i += taken - 1;
  }
  return { words: out, sources };
}
