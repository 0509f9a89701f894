package org.congressflow.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.review.ReviewResults;
import org.congressflow.security.Caller;
import org.congressflow.works.WelcomingWorks;
import org.springframework.stereotype.Service;

/** Welcoming works and review results per organisation, for the dashboard, filtered like the progress. */
@Service
class EmulationService {

  private final CampaignRegistry campaigns;
  private final WelcomingWorks works;
  private final ReviewResults reviewResults;

  EmulationService(CampaignRegistry campaigns, WelcomingWorks works, ReviewResults reviewResults) {
    this.campaigns = campaigns;
    this.works = works;
    this.reviewResults = reviewResults;
  }

  EmulationView emulation(String campaignId, Caller caller) {
    var campaign = campaigns.definition(campaignId);
    var visibility = Visibility.required(caller, campaign, campaigns.index(campaignId));
    int reviewYear = campaign.review().year();
    var names = names(campaign);
    var worksRows = new LinkedHashMap<String, int[]>();
    for (var work : works.ofCampaign(campaignId)) {
      if (visibility.all() || visibility.organisations().contains(work.organisationId())) {
        int[] counts = worksRows.computeIfAbsent(work.organisationId(), id -> new int[4]);
        counts[0]++;
        counts[1] += WelcomingWorks.COMPLETED.equals(work.status()) ? 1 : 0;
        counts[2] += work.flaggedOverdue() ? 1 : 0;
        counts[3] += work.commendation() != null && !work.commendation().isBlank() ? 1 : 0;
      }
    }
    var reviewRows = new LinkedHashMap<String, ReviewAccumulator>();
    for (var count : reviewResults.levelCounts(campaignId, reviewYear)) {
      if (visibility.all() || visibility.organisations().contains(count.organisationId())) {
        var row = reviewRows.computeIfAbsent(count.organisationId(), id -> new ReviewAccumulator());
        if (ReviewResults.ORGANISATION.equals(count.subject())) {
          row.organisationLevel = count.level();
        } else {
          row.members.merge(count.level(), count.count(), Integer::sum);
        }
      }
    }
    List<EmulationView.WorksRow> worksView = worksRows.entrySet().stream().map(e -> new EmulationView.WorksRow(
        e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
        e.getValue()[3])).toList();
    List<EmulationView.ReviewRow> reviewView = reviewRows.entrySet().stream().map(e -> new EmulationView.ReviewRow(
        e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue().organisationLevel, e.getValue().members))
        .toList();
    return new EmulationView(worksView, reviewYear, reviewView);
  }

  private static Map<String, String> names(CampaignDefinition campaign) {
    var names = new TreeMap<String, String>();
    names.put(campaign.district().id(), campaign.district().name());
    campaign.organisationList().forEach(org -> names.put(org.id(), org.name()));
    return names;
  }

  private static final class ReviewAccumulator {
    String organisationLevel;
    final Map<String, Integer> members = new TreeMap<>();
  }
}
