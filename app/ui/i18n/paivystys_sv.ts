<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ClientCard</name>
    <message>
        <source>Asiakaskortti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilanne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nimi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huoltajat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suunnitelma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vastuutyöntekijä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virka-ajan yhteys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekisterinpitäjä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uusi asiakas (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi asiakas tähän kuntaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>puh. {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksi {fax}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haetaan asiakasta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilö ei ole tämän kunnan asiakas (ei löytynyt kunnan järjestelmästä).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaa hänet uutena asiakkaana: Uusi asiakas (Ctrl+Shift+N). Kirjaus, siirto tai ilmoitus lähtee väestötietojen kanssa, ja asiakkuus avataan kunnan järjestelmään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei suomalaista henkilötunnusta: kirjaus merkitään tunnistettavaksi, ja virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi asiakas: asiakkuus avataan kirjauksen mukana.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntynyt {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakasta ei voitu hakea: asiakastietojärjestelmä ei vastannut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voit silti kirjoittaa kirjauksen tälle henkilötunnukselle (Ctrl+N) ja tallentaa sen: se odottaa salatuissa lähtevissä ja lähtee, kun järjestelmä vastaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(väestötiedoista)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(päivitetty {date})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientSearch</name>
    <message>
        <source>Henkilötunnus, esim. PPKKVV-NNNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakkaan henkilötunnus; Enter hakee, Ctrl+F siirtyy tähän kenttään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnuksen tarkistus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väliaikainen tunnus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Henkilötunnus:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectivitySummary</name>
    <message>
        <source>Yhteyden tila</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionEditor</name>
    <message>
        <source>Korjaa kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Järjestelmä hylkäsi kirjauksen: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus tilanteesta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tehdyt toimenpiteet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaatii jatkotoimia virka-aikana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toimenpiteet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Odottamaton virhe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystyksessä tapahtui odottamaton virhe. Tallennetut kirjaukset ovat tallessa. Ota yhteys helpdeskiin: kerro, mitä olit tekemässä, ja liitä mukaan vianetsintätiedot. Jos ikkuna ei toimi kuten ennen, sulje Päivystys ja käynnistä se uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kopioi vianetsintätiedot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sulje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vianetsintätiedot kopioitu leikepöydälle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Hylkäämisen syy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjoita hylkäämisen syy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää lähtevä kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miksi kirjaus hylätään? (pakollinen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää lähtevä viesti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viesti {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miksi viesti hylätään? (pakollinen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää viesti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää lähtevä lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään. Jos ilmoitus on silti tehtävä, tee se uudelleen tai faksaa se.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miksi ilmoitus hylätään? (pakollinen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää ilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Luonnosta ei voitu tallentaa salattuihin lähteviin. Teksti on yhä lomakkeella: tallenna se, kun voit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Tallentamattomat luonnokset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edellisellä kerralla jäi kesken kirjoitettua tekstiä. Valitse luonnos ja paina Enter: asiakas haetaan ja teksti palaa lomakkeelle. Esc jättää luonnokset myöhemmäksi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnokset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirto virka-aikaiselle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ei tunnusta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{form}: {who} {code} – {municipality}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jatka luonnosta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Myöhemmin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DutyBanner</name>
    <message>
        <source>ma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>la</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>su</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday} {day}.{month}.{year} klo {hour:02d}.{minute:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arki-ilta ja -yö</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viikonloppu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pyhäpäivä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pyhän aatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virka-aika</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystys auki – {when} asti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystys kiinni (virka-aika) – {when} asti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIRKA-AIKA – kunnat vastaavat nyt itse asiakkaistaan. Valitse kunta (Ctrl+1…Ctrl+9), niin sen virka-ajan yhteystiedot näkyvät tässä. Alueellinen päivystys alkaa {opens}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIRKA-AIKA – {name} vastaa nyt itse asiakkaistaan. Ohjaa asia kunnan virka-ajan päivystykseen: {unit}, puh. {phone}. Alueellinen päivystys alkaa {opens}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystyksen tila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virka-aika: kunta vastaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}. Alkoi {since}, päättyy {until}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DutyDesk</name>
    <message>
        <source>Hae ensin asiakas henkilötunnuksella (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka kirjoittamista.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi asiakas: hae ensin henkilötunnuksella henkilö, joka ei ole kunnan asiakas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haetaan henkilön tietoja väestötietojärjestelmästä…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilö ilman henkilötunnusta korvaa kortin asiakkaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odota: kirjausta tallennetaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnus muuttui: kortti tyhjennettiin. Hae Enterillä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnus-kenttään kirjoitettiin toinen tunnus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnos säilytetty salattuna. Se tarjotaan, kun haet asiakkaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus suljetaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi haku sulkee avoimen kirjauksen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haetaan asiakasta ({where})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastiedot haettu ({where}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennetaan kirjausta ({where})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjausta ei tallennettu: henkilötunnus-kentässä tai kortilla on eri henkilö kuin kirjauksessa ({who}). Teksti on tallessa lomakkeella; palauta oikea tunnus kenttään tai hae asiakas uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystyskirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kenen kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yhteydenoton aika</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yhteydenottaja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>112 (hätäkeskus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakas itse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muu viranomainen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tehtävätyyppi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojelu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aikuissosiaalityö</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toimeentulotuki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tehtävätyyppiä ei käsitellä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus tilanteesta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvauksen pituus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toimenpiteiden pituus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tehdyt toimenpiteet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaatii jatkotoimia virka-aikana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jatkotoimet tarpeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peruuta kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yhteydenoton aika:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yhteydenottaja:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tehtävätyyppi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toimenpiteet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus henkilölle ilman henkilötunnusta: {who} – {municipality}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus uudelle asiakkaalle: {who} – {municipality}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakkuus avataan kunnan järjestelmään kirjauksen mukana.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus asiakkaalle: {who} – {municipality}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui; mitään ei lähetetty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toimenpiteet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} / {limit} merkkiä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{excess} liikaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} on liian pitkä: kunnan järjestelmä ottaa enintään {limit} merkkiä, tekstiä on {length}. Lyhennä tekstiä; mitään ei tallennettu eikä lähetetty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sosiaalipäivystys ei käsittele toimeentulotukea, eikä kirjausta voi tallentaa tällä tehtävätyypillä. Ohjaa asiakas hakemaan perustoimeentulotukea Kelasta (kela.fi) ja kunnan sosiaalityöhön virka-aikana: {unit}, puh. {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennetaan…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryPrinter</name>
    <message>
        <source>Yritä uudelleen (Ctrl+P).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta viimeksi tallennettu kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei tulostettavaa kirjausta. Tallenna kirjaus ensin; viimeksi tallennetun kirjauksen voi tulostaa (Ctrl+P), kunnes asiakas vaihtuu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nimi ei tiedossa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valmistellaan tulostetta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus lähetetty tulostimelle {name} ({count}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaxActions</name>
    <message>
        <source>Valmistellaan faksia tulostettavaksi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta faksi uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoida asia puhelimitse virka-aikaiselle, puh. {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksin esikatselu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksi on jo merkitty lähetetyksi tai poistettu lähtevistä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tämä lähtevä ei ole käsin lähetettävä faksi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennettua faksia ei voi lukea. Soita virka-aikaiselle ja ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksia ei voitu lukea lähtevistä. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksi tulostui ({printer}, {count}). Faksaa se numeroon {fax}, soita {phone} ja merkitse se sitten lähetetyksi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onko faksi lähetetty ja virka-aikaiselle soitettu?
{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetetyksi merkitty faksi poistuu avoimista siirroista ja lähtevistä. Merkintää ei voi perua.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kyllä, lähetetty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei vielä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksi merkitty lähetetyksi ({name}). Se poistui avoimista siirroista.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksi oli jo merkitty lähetetyksi tai poistettu lähtevistä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksia ei voitu merkitä lähetetyksi. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaxPanel</name>
    <message>
        <source>Faksi ja puhelu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksin tila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puhelinmuistio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Faksi merkitty lähetetyksi. Voit sulkea ikkunan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldsCorrectionEditor</name>
    <message>
        <source>Järjestelmä hylkäsi lähetyksen: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kenttä {field} on tyhjä. Täytä se.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupController</name>
    <message>
        <source>&amp;Jatkotoimet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Siirrä virka-aikaiselle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lastensuojeluilmoitus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Avoimet siirrot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hae ensin asiakas henkilötunnuksella (Ctrl+F): siirto tehdään kortilla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edellinen siirto on vielä auki: tallenna tai sulje se.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edellinen ilmoitus on vielä auki: välitä tai sulje se.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka ilmoitusta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirron luonnosta ei avattu: kortilla ei ole luonnoksen asiakasta. Luonnos säilyy (Ctrl+Shift+L).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka siirtoa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odota: tallennus on kesken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnos säilytetty salattuna. Jatka sitä: Ctrl+Shift+L.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupMessages</name>
    <message>
        <source>ei faksinumeroa – soita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sisäinen posti ({system})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojelun järjestelmään ({system})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksi ja puhelu: {unit}, faksi {fax}, puh. {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetystapaa ei saatu selville. Lähetystapa valitaan tallennettaessa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähteviä avataan vielä. Tallenna hetken kuluttua uudelleen; teksti on tallessa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä (katso punainen ilmoitus), joten mitään ei voi tallentaa. Teksti on tallessa lomakkeella; kopioi se talteen ennen kuin suljet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lastensuojeluilmoituksen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asiakasasian siirron jatkotoimia varten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puhelinmuistio: soita {unit}, puh. {phone}. Kerro, että sosiaalipäivystys lähetti faksilla {what} numeroon {fax}. Pyydä vahvistamaan, että faksi tuli perille kokonaan, ja kysy, kuka ottaa asian hoitaakseen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennettu, mutta EI VIELÄ LÄHETETTY. {name} ei ota tätä vastaan järjestelmän kautta: tulosta faksi, faksaa se numeroon {fax} ja soita {phone}. Merkitse se sitten lähetetyksi (Avoimet siirrot, Ctrl+J).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirto tallennettu lähteviin. Se lähtee sisäisenä postina virka-aikaiselle ({where}: {unit}); saat ilmoituksen, kun se on perillä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus tallennettu lähteviin. Se lähtee lastensuojeluun ({where}); saat ilmoituksen, kun se on perillä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus toimitettu: {where} (tunniste {record}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirto toimitettu virka-aikaiselle sisäisenä postina: {where} (tunniste {record}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>siirron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi {what} ({where}): {reason}. Se odottaa lähtevissä (Ctrl+L). Hoida asia puhelimitse virka-aikaiselle: {unit}, puh. {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennus ei onnistunut: levy on täynnä tai siinä on virhe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennus lähteviin ei onnistunut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennus ei onnistunut odottamattoman virheen vuoksi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitään ei tallennettu; teksti on tallessa lomakkeella. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksattava ja soitettava</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>odottaa lähetystä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lähetetään</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hylätty – vaatii toimia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>siirto virka-aikaiselle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksi (sisältöä ei voi lukea)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sisäinen posti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>järjestelmään</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksi ja puhelu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnuksen mukaan henkilö oli {age}-vuotias, kun ilmoitus vastaanotettiin. Lastensuojeluilmoitus koskee vain alle 18-vuotiasta lasta: tarkista tunnus ilmoittajalta. Aikuista koskeva huoli kirjataan kirjauksena (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietojärjestelmä ei tunne tätä henkilötunnusta: tarkista kotikunta ilmoittajalta ja valitse se.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan lapsen kotikunta on kunta {code}, joka ei kuulu tämän päivystyksen kuntiin: toimita ilmoitus sinne puhelimella tai faksilla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan lapsen kotikunta on {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kotikuntaa ei saatu väestötietojärjestelmästä: valitse kunta itse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjoita, mitä tapahtui: ilmoitus tarvitsee kuvauksen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjoita ilmoittajan organisaatio (esimerkiksi Poliisi).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tarkista lapsen henkilötunnus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tarkista ilmoituksen tiedot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Siirto virka-aikaiselle – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakas: {name}, {hetu} – {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tarkistetaan lähetystapaa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tarvittavat jatkotoimet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna siirto (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vastaanottaja:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetystapa:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mitä tapahtui:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jatkotoimet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirtäjä:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selviää, kun lähtevät ovat auki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjoita, mitä tapahtui: siirto tarvitsee tekstin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennetaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirto: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirtoa tallennetaan. Odota hetki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylätäänkö siirto?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siirtoa ei ole tallennettu. Hylätäänkö kirjoitettu teksti?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoffList</name>
    <message>
        <source>Avoimet siirrot ja ilmoitukset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoimet siirrot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakas ja aika</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksi / puhelin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei avoimia siirtoja eikä ilmoituksia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoinna {count}, joista faksattavia {faxes}: tulosta, faksaa, soita ja merkitse lähetetyksi ennen vuoron loppua.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoinna {count}; ne lähtevät automaattisesti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoimia siirtoja ei voitu lukea. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksi {fax}, puh. {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksi {fax}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} – {name}, faksi {fax}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemListDialog</name>
    <message>
        <source>Sulje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä (katso punainen ilmoitus).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Päivystys on lukittu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystäjä: {worker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lukituksen tila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN-koodi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Avaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kirjaudu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaudu organisaation tunnuksilla uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sulje Päivystys. Lähtevät odottavat salattuina seuraavaan käynnistykseen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Päivystys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HARJOITTELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HARJOITTELU – harjoitusjärjestelmät ja keksityt asiakkaat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennetut kirjaukset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harjoittelutila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Päivystys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hae asiakas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vaihda kotikuntaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uusi kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi &amp;asiakas tähän kuntaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilö &amp;ilman henkilötunnusta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tulosta kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lähtevät</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;uonnokset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kirjaudu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Harjoittelu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ohje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pikanäppäimet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Viimeisimmät viestit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yhteys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Avaa VPN-yhteys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN-yhteyden avauskomentoa ei ole määritetty tämän koneen asetuksissa (policy: vpn.connect_command). Avaa VPN tavalliseen tapaan tai ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tarkista yhteydet nyt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystäjä: {worker} · {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystäjä: {worker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei kotikuntaehdotusta: hae ensin henkilötunnuksella.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kotikuntaan vaihto sulkee avoimen kirjauksen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjausta tallennetaan. Vaihda kuntaa, kun tallennus on valmis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunnan vaihto sulkee avoimen kirjauksen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunta: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN-yhteys avattu. Tarkistetaan kuntien järjestelmiä…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN-yhteyttä ei saatu avattua ({detail}). Avaa VPN tavalliseen tapaan; jos se ei onnistu, ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harjoittelu: {name} on taas verkossa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harjoittelu: {name} on nyt poissa verkosta, kuin VPN olisi katki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harjoituspalvelin ei vastannut. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odottamaton virhe. Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystys suljetaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei tallentamattomia luonnoksia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna tai sulje avoin kirjaus ennen luonnosta.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Viestit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lisäksi 1 kuittaamaton viesti: Ctrl+Shift+M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lisäksi {n} kuittaamatonta viestiä: Ctrl+Shift+M.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Kirjoita asiakkaan henkilötunnus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnus on vielä kesken: siinä on 11 merkkiä (PPKKVV-NNNT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnuksen muoto ei kelpaa. Muoto on PPKKVV, välimerkki (+, -, U–Y tai A–F) ja NNNT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnuksen syntymäaika tai välimerkki ei kelpaa. Tarkista päivä, kuukausi ja välimerkki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilötunnuksen tarkistusmerkki ei täsmää. Tarkista tunnus asiakkaalta tai ilmoittajalta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väliaikainen tunnus (yksilönumero 900–999): varmista asiakkaan henkilöllisyys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valitse ensin asiakkaan kunta (Ctrl+1…Ctrl+9 tai luettelosta).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilö ei ole asiakas ({where}). Tarkista henkilötunnus ja valittu kunta: asiakas voi kuulua toisen kunnan järjestelmään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uutena asiakkaana: Ctrl+Shift+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilö ei ole tämän kunnan asiakas. Kirjaa hänet uutena asiakkaana (Uusi asiakas, Ctrl+Shift+N) tai tarkista kunta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmään ei saada yhteyttä ({where}). Tarkista VPN-yhteys ja yritä uudelleen. Jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä ei vastannut ajoissa ({where}). Yritä hetken kuluttua uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaudu ensin ({where}): paina Ctrl+Shift+K. Kirjoittamasi teksti säilyy; odottavat kirjaukset lähtevät kirjautumisen jälkeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä ei hyväksynyt tunnuksiasi ({where}). Tarkista käyttäjätunnus (muoto {login}) ja salasana; tarvittaessa soita IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi pyynnön ({where}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmässä on vika ({where}). Yritä hetken kuluttua uudelleen; jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odottamaton virhe ({where}). Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne ei ole luotettu ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne on vanhentunut tai ei vielä voimassa ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Tarkista tietokoneen päivämäärä ja kellonaika; jos ne ovat oikein, ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne on annettu toiselle palvelimelle ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne ei ole se, jonka työaseman asetukset hyväksyvät ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Työaseman asetuksissa on virhe yhteydessä asiakastietojärjestelmään ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys IT-tukeen: {helpdesk}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MunicipalitySwitcher</name>
    <message>
        <source>Kunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakkaan kunta; Ctrl+1…Ctrl+9 valitsee kunnan järjestyksessä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {system}, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>odottaa lähtevissä: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toimitettu viimeksi {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationFields</name>
    <message>
        <source>Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus. Päivystys välittää ilmoituksen viipymättä lapsen kotikunnan lastensuojeluun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen henkilötunnus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PPKKVV-NNNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen sukunimi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen etunimet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiireellisyys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– valitse –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiireellinen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei kiireellinen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapselle kerrottu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huoltajille kerrottu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vastaanotettu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen kotikunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– valitse kunta –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen &amp;henkilötunnus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen sukunimi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen etunimet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittaja:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mitä tapahtui:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiireellisyys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapselle kerrottu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huoltajille kerrottu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vastaanotettu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vastaanottaja:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsen &amp;kotikunta:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetystapa:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei tiedossa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kyllä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>”Ei tiedossa” välitetään sellaisenaan: ei oleteta kumpaakaan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationForm</name>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välitä ilmoitus (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kysytään kotikuntaa väestötietojärjestelmästä…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selviää, kun lähtevät ovat auki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tarkistetaan lähetystapaa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valitse lapsen kotikunta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valitse, onko ilmoitus kiireellinen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoitusta tallennetaan. Odota hetki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylätäänkö ilmoitus?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoitusta ei ole välitetty. Hylätäänkö kirjoitetut tiedot?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutagePractice</name>
    <message>
        <source>Katkaise yhteys: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxBanner</name>
    <message>
        <source>Lähtevät eivät ole käytössä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yritä uudelleen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yritä avata lähtevät uudelleen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avataan lähteviä uudelleen…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxCount</name>
    <message>
        <source>Lähtevät kirjaukset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avaa lähtevät (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät: avataan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät: ei käytössä</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxMessages</name>
    <message>
        <source>Ota yhteys tukeen; tukihenkilö voi ajaa komennon &apos;paivystys doctor&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soita tukeen heti; tukihenkilö voi ajaa komennon &apos;paivystys doctor&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakkaiden haku toimii edelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähteviä ei muutettu, ja niissä voi olla vielä toimittamattomia kirjauksia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) puuttuu tästä koneesta. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten salausavain puuttuu avainsäilöstä. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilö ei aukea tämän koneen salausavaimella. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilön lokitiedosto on vioittunut, ja vian jälkeen on vielä tallennettuja kirjauksia. Säilöä ei avattu, jotta ne eivät katoa. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soita tukeen heti: tukihenkilö voi pelastaa kirjaukset komennolla &apos;paivystys outbox salvage&apos;. Älä poista ohjelman tiedostoja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilö on vioittunut. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät on tallennettu Päivystyksen uudemmalla versiolla, eikä tämä versio voi käyttää niitä. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöön ei voi kirjoittaa: sen tiedosto tai kansio on vain luku -tilassa. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä ei voitu lukea tai kirjoittaa (levy täynnä tai levyvirhe). Kirjauksia ei voi tallentaa. Vapauta levytilaa tai ota yhteys tukeen ja valitse sitten Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) on lukittu tai ei vastannut. Kirjauksia ei voi tallentaa ennen kuin se avataan. Avaa avainsäilön lukitus (esimerkiksi kirjautumalla uudelleen) ja valitse Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) ei toiminut. Kirjauksia ei voi tallentaa. Valitse Yritä uudelleen. Jos vika jatkuu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toinen Päivystys-ikkuna käsittelee lähteviä juuri nyt. Kirjauksia ei voi tallentaa. Valitse hetken kuluttua Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä ei voitu avata. Kirjauksia ei voi tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä avataan vielä. Tallenna uudelleen hetken kuluttua; teksti on tallessa lomakkeella.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjausta ei voi tallentaa, koska lähtevien kirjausten säilö ei ole käytössä (katso punainen ilmoitus). Teksti on tallessa lomakkeella; älä sulje ohjelmaa ennen kuin olet kopioinut sen talteen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa: levy on täynnä tai siinä on virhe. Mitään ei tallennettu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa lähteviin. Mitään ei tallennettu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa odottamattoman virheen vuoksi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teksti on tallessa lomakkeella. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tästä kirjauksesta oli jo tallennettu aiempi versio lähteviin, eikä muutoksia tallennettu. Tee korjaus lähtevien kautta (Ctrl+L) tai uutena kirjauksena.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus on tallennettu salattuihin lähteviin tälle koneelle. Lähetetään ({where})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus oli jo tallentunut aiemmalla yrityksellä: {where} (tunniste {record}). Sitä ei tallennettu kahdesti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus toimitettu: {where} (tunniste {record}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi kirjauksen ({where}): {reason}. Kirjaus odottaa lähtevissä korjausta: avaa lähtevät (Ctrl+L), korjaa ja lähetä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tarkistetaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tavoitettavissa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN ei yhteyttä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ei verkkoa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>järjestelmä ei vastaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 kunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} kuntaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verkko: ei yhteyttä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN: ei yhteyttä ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN: yhteys · järjestelmä ei vastaa ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN: tarkistetaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN: yhteys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} vaatii toimia</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxQuestions</name>
    <message>
        <source>Poista hylkäysmerkintä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Järjestelmä ei ottanut vastaan merkintää hylätystä lähetyksestä:
{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Näin käy, kun järjestelmä ei tunne asiakasta: sillä ei ole hylätystä lähetyksestäkään mitään. Poistetaanko merkintä lähtevistä? Uutta merkintää ei lähetetä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poista merkintä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Älä poista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Järjestelmän osoite on muuttunut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place}: asiakastietojärjestelmän osoite on muuttunut sen jälkeen, kun lähetykset tallennettiin. Niitä ei ole lähetetty uuteen osoitteeseen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennettaessa: {saved_for}
Nyt: {now}

Lähetä uuteen osoitteeseen vain, jos tuki on kertonut muutoksesta. Epäselvässä tapauksessa soita tukeen: lähetykset odottavat tallessa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ei tiedossa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetä uuteen osoitteeseen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Älä lähetä</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Lähtevät kirjaukset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevät</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakas ja aika</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yrityksiä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seuraava yritys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viimeisin virhe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tekijä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avaa ja korjaa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi osoite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunnan järjestelmän osoite on muuttunut: lähetä odottavat uuteen osoitteeseen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähtevissä ei ole mitään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tekijä ei tiedossa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähteviä ei voitu lukea. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faksin voi tulostaa ja merkitä lähetetyksi: Jatkotoimet → Avoimet siirrot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunta ei ole enää käytössä tällä koneella. Soita tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} lähetystä lähtee kunnan uuteen osoitteeseen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vahvistus ei onnistunut. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} – {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetys ei enää odota korjausta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennettua lähetystä ei voi lukea. Hylkää se syyn kanssa tai soita tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korjaa viesti virka-aikaiselle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otsikko</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viesti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korjaa lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korjausta ei voitu tallentaa. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkäysmerkintä poistettiin lähtevistä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkintää ei voitu poistaa. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkääminen ei onnistunut. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hylkäysmerkintä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viesti virka-aikaiselle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksi (lähetetään käsin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>käyttölokimerkintä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korjattu kirjaus lähtee uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korjattu viesti lähtee uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korjattu lastensuojeluilmoitus lähtee uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viesti hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>odottaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lähetetään</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaatii toimia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faksattava / soitettava</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nyt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>korjauksen jälkeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kun merkitty lähetetyksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heti kun yhteys toimii</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ei yhteyttä järjestelmään</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yhteyttä ei voitu varmistaa suojatuksi (varmenne) – ota yhteys IT-tukeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>järjestelmä ei vastannut ajoissa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vika järjestelmässä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tunnukset eivät kelpaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>järjestelmä ei tue tätä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tallennettu sisältö ei ole luettavissa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kunnan järjestelmän osoite on muuttunut: vahvista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pelastettu vioittuneista lähtevistä; voi olla jo toimitettu tai hylätty: tarkista asiakastiedoista ennen uudelleenlähetystä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pelastettu vioittuneista lähtevistä, tallentaja ei tiedossa: tarkista kuka sen tallensi ja asiakastiedot ennen uudelleenlähetystä</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Kirjaudu: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Käyttäjätunnus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salasana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Käyttäjätunnus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Salasana:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Järjestelmän oma salasana. Sitä ei tallenneta: se on muistissa vain tämän istunnon ajan. Tunnuksen muoto: {format}. Tuki: {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Henkilö ilman henkilötunnusta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaa, mitä henkilöstä tiedetään. Kirjaus merkitään tunnistettavaksi, ja virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi asiakas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henkilö ({code}) ei ole tämän kunnan asiakas. Kirjaus lähtee näillä tiedoilla, ja asiakkuus avataan kunnan järjestelmään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sukunimi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etunimet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntymäaika (p.k.vvvv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kansalaisuus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kieli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus henkilöstä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sukunimi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Etunimet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;yntymäaika:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kansalaisuus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;ieli:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;uvaus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Osoite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jatka kirjaukseen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Peruuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ei tiedossa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjoita henkilön nimi (tai se, millä hänet tunnetaan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntymäaika muodossa p.k.vvvv, esim. 3.7.2011.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuvaus on liian pitkä: enintään {limit} merkkiä.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Lukituksen PIN-koodi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uusi PIN-koodi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodi uudelleen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN-koodi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uudelleen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valitse PIN-koodi (vähintään 6 merkkiä), jolla avaat lukituksen silloin, kun kirjautumispalveluun ei saada yhteyttä. Koodista tallennetaan vain tiiviste. Voit ohittaa tämän (Esc).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koodit eivät ole samat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PopulationPanel</name>
    <message>
        <source>turvakielto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yhteyttä väestötietojärjestelmään ei voitu varmistaa suojatuksi (varmenne); ota yhteys IT-tukeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>väestötietojärjestelmään ei saada yhteyttä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>väestötietojärjestelmä ei vastannut ajoissa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>väestötietojärjestelmä ei hyväksynyt tunnuksia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>väestötietojärjestelmä hylkäsi kyselyn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>väestötietojärjestelmässä on vika</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietoja ei saatu: {why}. Asiakastiedot ovat silti käytössä.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötiedot (Väestösuora)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötiedot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietojen tila</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kotikunta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huoltajat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huollettavat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samassa osoitteessa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kotikuntaehdotus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaihda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaihda asiakkaan kotikuntaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietojärjestelmä ei tunne tätä henkilötunnusta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asiakkaan kotikunta on {name} – vaihda (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan asiakkaan kotikunta on kunta {code}, joka ei kuulu tämän päivystyksen kuntiin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>1 sivu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sivua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostetta ei voitu muodostaa: DejaVu Sans -fonttia ei löydy tältä työasemalta. Ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostetta ei voitu muodostaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oletustulostinta {name} ei löydy tältä työasemalta: valitse tulostin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oletustulostin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lähetetään tulostimelle {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä työasemalta. Ota yhteys tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostusjärjestelmä ei vastannut ajoissa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valitulla sivualueella ei ole sivuja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostus tiedostoon ei ole sallittu: valitse tulostin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostinta {name} ei ole sallittu tällä työasemalla: valitse toinen tulostin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-tiedosto (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-tiedostoa ei voitu tallentaa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuloste tallennettu PDF-tiedostoksi: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Tulostuksen esikatselu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta… (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 sivu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sivua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>järjestelmän oletustulostin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pages} · tulostin: {printer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulosta kirjaus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentMessagesDialog</name>
    <message>
        <source>Viimeisimmät viestit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viestit uusimmasta alkaen. Kuittaamattomat virheet ja varoitukset näkyvät ikkunan yläreunassa, kunnes ne kuitataan. Esc sulkee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kuittaa kaikki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sulje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kuittaamatta)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ei viestejä.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>L&amp;ukitse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lukitse Päivystys: asiakastiedot pois näytöltä (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lukituksen voi avata vain kirjautumalla uudelleen: lopeta ja käynnistä Päivystys uudelleen. Lähtevät ja luonnokset säilyvät salattuina.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodi ei enää käy: edellisestä kirjautumisesta on yli {hours} tuntia. Kirjaudu uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodi on poistettu käytöstä liian monen väärän yrityksen jälkeen. Kirjaudu uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tarkistetaan PIN-koodia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väärä PIN-koodi. Yrityksiä jäljellä: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaudu selaimessa. Odotetaan kirjautumista…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjautuminen ei onnistunut. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lukituksen avaaminen epäonnistui. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lukitus avattu. Luonnokset: Ctrl+Shift+L.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Ctrl+1…Ctrl+9  valitse kunta
Ctrl+F  henkilötunnus
Enter  hae asiakas
Ctrl+K  vaihda asiakkaan kotikuntaan ja hae uudelleen
Ctrl+N  uusi kirjaus (jatkaa asiakkaan luonnosta)
Ctrl+Shift+N  uusi asiakas tähän kuntaan
Ctrl+Shift+U  henkilö ilman henkilötunnusta
Ctrl+Shift+L  luonnokset
Ctrl+Enter  tallenna kirjaus
Ctrl+P  tulosta viimeksi tallennettu kirjaus
Ctrl+L  lähtevät kirjaukset
Ctrl+H  siirrä virka-aikaiselle
Ctrl+I  lastensuojeluilmoitus
Ctrl+J  avoimet siirrot
F5  tarkista yhteydet
F1  pikanäppäimet
Ctrl+Shift+M  viimeisimmät viestit (Enter kuittaa virheet ja varoitukset)
F12  lukitse (asiakastiedot pois näytöltä ja muistista)
Ctrl+Q  lopeta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pikanäppäimet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInBanner</name>
    <message>
        <source>Kirjaudu ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaudu sisään</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>Valitse ensin kunta (Ctrl+1…9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tähän järjestelmään kirjautumista ei ole määritetty tämän koneen asetuksissa (policy: auth). Soita tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaudu selaimessa. Ikkuna odottaa kirjautumista taustalla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harjoittelu: tunnus {user}, salasana {password}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodi asetettu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjaudu uudelleen ({keys}): istunto päättyi. Odottavat kirjaukset säilyvät ja lähtevät, kun olet kirjautunut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: kirjautumista ei ole määritetty. Soita tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: kirjaudu selaimessa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: kirjaudu uudelleen. Istunto päättyi; odottavat kirjaukset lähtevät kirjautumisen jälkeen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: et ole kirjautunut. Kirjaudu, niin voit hakea ja kirjata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodia ei asetettu: se on liian lyhyt tai helposti arvattava (esim. 111111 tai 123456). Aseta uusi kirjautumalla uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-koodia ei voitu tallentaa. Lukituksen avaat kirjautumalla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjauduttu sisään. {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunnistuspalveluun ei saada yhteyttä. Tarkista VPN ja yritä hetken päästä uudelleen; kirjaukset odottavat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisaatio ei ole antanut sinulle oikeuksia tähän järjestelmään. Ota yhteys esihenkilöösi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjautuminen ei onnistunut. Yritä uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjautuminen keskeytyi tai vastaus ei kelvannut. Yritä uudelleen; jos se toistuu, soita tukeen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <source>Tallentamaton teksti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirjoitettu teksti on tallentamatta ({who}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallenna lähettää sen asiakkaan järjestelmään.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luonnos säilyy salattuna tällä koneella ja tarjotaan, kun asiakas haetaan uudelleen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hylkää poistaa tekstin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tallenna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säilytä &amp;luonnoksena</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hylkää</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Peruuta</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ResendFrame</name>
    <message>
        <source>Lähetä uudelleen (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallennetaan korjausta…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Kuittaa viesti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuittaa viesti (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Päivystys ei käynnisty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Päivystys ei voi käynnistyä, koska työaseman asetuksissa on virhe. Ota yhteys tukipalveluun (helpdesk) ja kerro heille alla olevat tiedot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
