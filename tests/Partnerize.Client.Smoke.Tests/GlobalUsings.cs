global using Partnerize.Client.Samples.Tests;
